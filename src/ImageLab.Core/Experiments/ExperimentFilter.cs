namespace ImageLab.Core.Experiments;

/// <summary>What the history list is filtered by; null fields do not filter.</summary>
public sealed record ExperimentFilter(
    string? Project = null,
    string? SubmittedBy = null,
    ExperimentStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageNumber = 1,
    int PageSize = 20)
{
    /// <summary>The largest page the history list serves.</summary>
    public const int MaxPageSize = 200;
}
