using ImageLab.Core.Experiments;

namespace ImageLab.Data.Stores;

/// <summary>What a successful build measured: the image and its layers, oldest layer first.</summary>
public sealed record IterationMeasurement(
    string ImageId,
    string ImageTag,
    long SizeBytes,
    double BuildSeconds,
    int TotalSteps,
    int CachedSteps,
    string Engine,
    IReadOnlyList<LayerDetails> Layers);
