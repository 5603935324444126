using System.Globalization;
using System.Text;

namespace ImageLab.Core.Reports;

/// <summary>
/// Renders a report's iterations as CSV (RFC 4180), one row per iteration, numbers unformatted. Text cells that a
/// spreadsheet would read as a formula (starting with <c>= + - @</c>, a tab or a carriage return) get a leading
/// apostrophe, so opening the file never runs what a Dockerfile or an iteration name put there.
/// </summary>
public static class CsvReportRenderer
{
    public const string Header =
        "experiment_id,iteration,ordinal,status,size_bytes,push_size_bytes,reduction_percent,baseline_experiment_id,baseline_size_bytes," +
        "change_from_baseline_percent,efficiency,wasted_bytes,build_seconds,largest_own_layer_bytes,largest_own_layer_instruction,error";

    public static string Render(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in report.Iterations)
        {
            string?[] fields =
            [
                Number(report.ExperimentId), Text(row.Name), Number(row.Ordinal), row.Status.ToString(), Number(row.SizeBytes), Number(row.CompressedSizeBytes),
                Number(row.ReductionPercent), Number(report.Baseline?.ExperimentId), Number(row.BaselineSizeBytes), Number(row.ChangeFromBaselinePercent),
                Number(row.Efficiency), Number(row.WastedBytes), Number(row.BuildSeconds), Number(row.LargestOwnLayer?.SizeBytes),
                Text(row.LargestOwnLayer?.Instruction), Text(row.Error),
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string? Number(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);

    internal static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string? field) =>
        field is null ? ""
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
