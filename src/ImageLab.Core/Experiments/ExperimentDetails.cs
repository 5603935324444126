using System.Globalization;

namespace ImageLab.Core.Experiments;

/// <summary>An experiment with its iterations and their layers: the REST resource and the pages' model.</summary>
public sealed record ExperimentDetails(
    long Id,
    string Name,
    string Project,
    string SubmittedBy,
    ExperimentStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<IterationDetails> Iterations)
{
    /// <summary>When retention removed the build context (its size and everything measured stay).</summary>
    public DateTimeOffset? ContextRemovedAt { get; init; }

    /// <summary>When retention removed the build logs and events (one log line per iteration says so).</summary>
    public DateTimeOffset? LogsRemovedAt { get; init; }

    /// <summary>When retention removed the layer analyses' files, waste findings and package data (their totals stay).</summary>
    public DateTimeOffset? AnalysesRemovedAt { get; init; }

    /// <summary>What retention removed, in a sentence for pages and API clients; null when nothing was.</summary>
    public string? RemovedByRetention
    {
        get
        {
            var removed = new[]
            {
                ContextRemovedAt is { } context ? "the build context on " + Day(context) : null,
                LogsRemovedAt is { } logs ? "the build logs and events on " + Day(logs) : null,
                AnalysesRemovedAt is { } analyses ? "the layer analyses (files, waste and packages) on " + Day(analyses) : null,
            }.OfType<string>().ToList();
            var kept = AnalysesRemovedAt is null ? "sizes, layers, analyses and reports are kept" : "sizes, layers, push sizes and reports are kept";
            return removed.Count == 0
                ? null
                : $"Retention removed {(removed.Count == 1 ? removed[0] : string.Join(", ", removed[..^1]) + " and " + removed[^1])}; {kept}.";
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
