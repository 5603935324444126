namespace ImageLab.Data.Analysis;

/// <summary>
/// How one analysis ran, stored beside its results: layers read versus found in the DiffID cache, the time it took,
/// whether push sizes were estimated, and for each analyzed layer the <c>docker history</c> row that made it.
/// </summary>
public sealed record AnalysisRun(
    int LayersAnalyzed,
    int LayersFromCache,
    TimeSpan Duration,
    bool CompressedSizeEstimated,
    IReadOnlyList<int?> HistoryIndexes);
