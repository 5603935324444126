using System.Text.Json;

namespace ImageLab.Core.Reports;

/// <summary>Renders a report in any <see cref="ReportFormat"/>, with the content type to serve it as.</summary>
public static class ReportRenderer
{
    public static string Render(ExperimentReport report, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => MarkdownReportRenderer.Render(report),
        ReportFormat.Csv => CsvReportRenderer.Render(report),
        _ => JsonSerializer.Serialize(report, ReportJson.Options) + "\n",
    };

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>Parses <c>markdown</c>, <c>md</c>, <c>json</c> or <c>csv</c> (any case); null for anything else.</summary>
    public static ReportFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "markdown" or "md" => ReportFormat.Markdown,
        "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        _ => null,
    };
}
