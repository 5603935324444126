using System.Text.Json.Serialization;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Reports;

/// <summary>
/// What a report says about one experiment: its iterations against the first one and against a baseline
/// experiment, their largest own layers and the advice with the most bytes at stake. The JSON format of
/// <c>GET /api/experiments/{id}/report</c>, rendered as Markdown or CSV by the server and the CLI alike.
/// </summary>
public sealed record ExperimentReport
{
    public required long ExperimentId { get; init; }

    public required string Name { get; init; }

    public required string Project { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<ExperimentStatus>))]
    public required ExperimentStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The experiment's page, when the report knows the server's address.</summary>
    public Uri? Url { get; init; }

    /// <summary>The experiment compared against; null when there is none.</summary>
    public ReportBaseline? Baseline { get; init; }

    /// <summary>Set when a baseline was asked for (<c>auto</c>) and none exists, saying so in words.</summary>
    public string? NoBaseline { get; init; }

    public required IReadOnlyList<IterationReportRow> Iterations { get; init; }

    /// <summary>Which engine measured the iterations ("Measured on Docker 28.5.2 (API 1.51, containerd image store, overlayfs).").</summary>
    public string? MeasuredOn { get; init; }

    /// <summary>Set when the iterations (or the baseline) were measured on different engines: which numbers still compare.</summary>
    public string? AcrossEngines { get; init; }

    /// <summary>The findings that matter most, those with the most bytes at stake first.</summary>
    public IReadOnlyList<ReportFinding> TopFindings { get; init; } = [];

    /// <summary>
    /// Why the sizes changed, largest first: each iteration against its baseline iteration (without a baseline, the
    /// last iteration against the first), by Dockerfile step. Empty until the layer analyses are in.
    /// </summary>
    public IReadOnlyList<ReportSizeCause> SizeCauses { get; init; } = [];
}
