using System.Globalization;
using System.Text;

namespace ImageLab.Core.Reports;

/// <summary>Renders a report's iterations as CSV (RFC 4180), one row per iteration, numbers unformatted.</summary>
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
                Number(report.ExperimentId), row.Name, Number(row.Ordinal), row.Status.ToString(), Number(row.SizeBytes), Number(row.CompressedSizeBytes),
                Number(row.ReductionPercent), Number(report.Baseline?.ExperimentId), Number(row.BaselineSizeBytes), Number(row.ChangeFromBaselinePercent),
                Number(row.Efficiency), Number(row.WastedBytes), Number(row.BuildSeconds), Number(row.LargestOwnLayer?.SizeBytes),
                row.LargestOwnLayer?.Instruction, row.Error,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string? Number(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Quote(string? field) =>
        field is null ? ""
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
