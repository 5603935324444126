using ImageLab.Core.Layers;

namespace ImageLab.Data.Entities;

/// <summary>
/// The layer analysis of one iteration's image: image-wide numbers and findings, and its layers in order
/// (<see cref="Layers"/>) pointing at the shared <see cref="AnalyzedLayer"/> rows. A failed analysis keeps its reason
/// and leaves the iteration's build results alone.
/// </summary>
public sealed class IterationAnalysis
{
    public long IterationId { get; set; }

    public AnalysisStatus Status { get; set; }

    /// <summary>Why the analysis failed, in a sentence.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset AnalyzedAt { get; set; }

    public double DurationSeconds { get; set; }

    /// <summary>Layers read from the image in this analysis.</summary>
    public int LayersAnalyzed { get; set; }

    /// <summary>Layers found in the DiffID cache (analyzed before, for this or another image).</summary>
    public int LayersFromCache { get; set; }

    /// <summary>Index of the first layer the iteration's Dockerfile wrote; lower ones are the base image.</summary>
    public int FirstOwnLayerIndex { get; set; }

    /// <summary>Whether push sizes were estimated (<c>Analysis:EstimateCompressedSize</c>).</summary>
    public bool CompressedSizeEstimated { get; set; }

    public int FileCount { get; set; }

    public long UncompressedSizeBytes { get; set; }

    public long CompressedSizeBytes { get; set; }

    public long ContentBytes { get; set; }

    public long WastedBytes { get; set; }

    public double WastedPercent { get; set; }

    public long UserWastedBytes { get; set; }

    public double UserWastedPercent { get; set; }

    public double DiveEfficiency { get; set; }

    public long DiveWastedBytes { get; set; }

    public double DiveUserWastedPercent { get; set; }

    /// <summary>JSON array of the image's waste findings, largest first.</summary>
    public string FindingsJson { get; set; } = "[]";

    public string WarningsJson { get; set; } = "[]";

    public List<IterationAnalysisLayer> Layers { get; set; } = [];

    // The analysis queue: a row is in it while Queued, or while it holds a lease time (results stored, the push sizes
    // still to come): who analyzes it, until when, and how often it was tried.
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public int Attempt { get; set; }
}
