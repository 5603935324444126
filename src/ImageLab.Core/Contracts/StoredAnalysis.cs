using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>
/// An iteration's stored layer analysis as served by <c>GET /api/iterations/{id}/analysis</c>. A failed analysis has
/// <see cref="FailureReason"/> and zeros. <see cref="Efficiency"/> is dive's efficiency score (1 = no path written
/// twice); <see cref="WastedBytes"/> counts only copies that do not survive into the final image.
/// </summary>
public sealed record StoredAnalysis
{
    public required long IterationId { get; init; }

    public required AnalysisStatus Status { get; init; }

    public string? FailureReason { get; init; }

    public DateTimeOffset AnalyzedAt { get; init; }

    public double DurationSeconds { get; init; }

    public int LayersAnalyzed { get; init; }

    public int LayersFromCache { get; init; }

    public double Efficiency { get; init; }

    public long WastedBytes { get; init; }

    public double WastedPercent { get; init; }

    public long UserWastedBytes { get; init; }

    public double UserWastedPercent { get; init; }

    /// <summary>The image's push size (sum of the layers' gzip sizes); null when estimation was switched off.</summary>
    public long? CompressedSizeBytes { get; init; }

    public long UncompressedSizeBytes { get; init; }

    /// <summary>Sum of the regular-file bytes every layer writes.</summary>
    public long ContentBytes { get; init; }

    /// <summary>Non-directory paths in the final image.</summary>
    public int FileCount { get; init; }

    public int FirstOwnLayerIndex { get; init; }

    public long DiveWastedBytes { get; init; }

    public double DiveUserWastedPercent { get; init; }

    public IReadOnlyList<WasteFinding> Findings { get; init; } = [];

    public IReadOnlyList<StoredAnalysisLayer> Layers { get; init; } = [];
}
