using ImageLab.Core.Experiments;

namespace ImageLab.Web.Components.Pages.History;

/// <summary>
/// What the history page read while it was prerendered (the first page of rows, the filter lists and the
/// trend), handed to the interactive page so that it shows the same rows without reading them again.
/// </summary>
public sealed record HistorySnapshot(
    string? Project,
    string? SubmittedBy,
    Page<ExperimentSummary> Page,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Submitters,
    string? TrendProject,
    IReadOnlyList<TrendPoint> Trend);
