namespace ImageLab.Core.Experiments;

/// <summary>One row of the experiment history.</summary>
public sealed record ExperimentSummary(
    long Id,
    string Name,
    string Project,
    string SubmittedBy,
    ExperimentStatus Status,
    DateTimeOffset CreatedAt,
    int IterationCount,
    long? BaselineSizeBytes,
    long? FinalSizeBytes,
    double? ReductionPercent)
{
    /// <summary>The engine that measured the final iteration, briefly ("Docker 28.5.2 · containerd image store"); null before.</summary>
    public string? MeasuredOn { get; init; }
}
