namespace ImageLab.Core.Reports;

/// <summary>The formats a report is served and printed in.</summary>
public enum ReportFormat
{
    Markdown,
    Json,
    Csv,
}
