namespace ImageLab.Core.Layers;

/// <summary>
/// The outcome of <see cref="ImageSaveAnalyzer.AnalyzeAsync"/>: either an <see cref="Analysis"/>, or a
/// <see cref="FailureReason"/> sentence for the user. Either way <see cref="Layers"/> holds every layer that was
/// read or found in the cache intact, so a caller can keep (and cache) what was valid.
/// </summary>
public sealed class ImageAnalysisResult
{
    internal ImageAnalysisResult(
        ImageAnalysis? analysis,
        string? failureReason,
        IReadOnlyList<LayerAnalysis> layers,
        int layersFromCache,
        int layersAnalyzed)
    {
        Analysis = analysis;
        FailureReason = failureReason;
        Layers = layers;
        LayersFromCache = layersFromCache;
        LayersAnalyzed = layersAnalyzed;
    }

    public bool Succeeded => Analysis is not null;

    public ImageAnalysis? Analysis { get; }

    public string? FailureReason { get; }

    /// <summary>Valid layers in the order the stream delivered them (image order when the analysis succeeded).</summary>
    public IReadOnlyList<LayerAnalysis> Layers { get; }

    /// <summary>Layer blobs whose analysis came from the <see cref="ILayerAnalysisCache"/> (their bytes were only skipped).</summary>
    public int LayersFromCache { get; }

    /// <summary>Layer blobs read, hashed and parsed in this run.</summary>
    public int LayersAnalyzed { get; }

    /// <summary>The analysis, or an <see cref="ImageAnalysisException"/> carrying <see cref="FailureReason"/>.</summary>
    public ImageAnalysis GetAnalysisOrThrow() => Analysis ?? throw new ImageAnalysisException(FailureReason ?? "The image could not be analyzed.");
}
