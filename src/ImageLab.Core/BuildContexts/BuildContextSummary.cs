namespace ImageLab.Core.BuildContexts;

/// <summary>What went into a packaged build context.</summary>
public sealed record BuildContextSummary(int FileCount, long TotalBytes, int ExcludedCount);
