using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;

namespace ImageLab.Data.Stores;

/// <summary>
/// What a successful build measured: the image and its layers, oldest layer first; the endpoint (<see cref="Engine"/>)
/// and the description (<see cref="EngineDetails"/>) of the engine that built and measured it; and the untagged images
/// the build left besides its own (<see cref="StageImageIds"/>), to remove with it.
/// </summary>
public sealed record IterationMeasurement(
    string ImageId,
    string ImageTag,
    long SizeBytes,
    double BuildSeconds,
    int TotalSteps,
    int CachedSteps,
    string Engine,
    IReadOnlyList<LayerDetails> Layers,
    EngineDescription? EngineDetails = null,
    IReadOnlyList<string>? StageImageIds = null);
