namespace ImageLab.Core.Experiments;

/// <summary>What the history list is filtered by; null fields do not filter.</summary>
public sealed record ExperimentFilter(
    string? Project = null,
    string? SubmittedBy = null,
    ExperimentStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageNumber = 1,
    int PageSize = 20);
