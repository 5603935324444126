using System.Globalization;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Output;

/// <summary>The terminal form of a report (<c>--format table</c>).</summary>
public static class ReportTable
{
    public static string Render(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new TextTable("#", "iteration", "status", "size", "push size", "vs first", "vs baseline", "efficiency", "waste", "largest own layer")
            .AlignRight(0, 3, 4, 5, 6, 7, 8);
        foreach (var row in report.Iterations)
        {
            table.Add(
                row.Ordinal.ToString(CultureInfo.InvariantCulture),
                row.Name,
                row.Status.ToString(),
                Size(row.SizeBytes),
                Size(row.CompressedSizeBytes),
                row.ReductionPercent is { } r ? string.Create(CultureInfo.InvariantCulture, $"{-r:+0.0;-0.0;0.0}%") : "-",
                row.ChangeFromBaselinePercent is { } c ? string.Create(CultureInfo.InvariantCulture, $"{(c > 0 ? "▲" : c < 0 ? "▼" : "=")} {c:+0.0;-0.0;0.0}%") : "-",
                row.Efficiency is { } e ? string.Create(CultureInfo.InvariantCulture, $"{e * 100:0.0}%") : "-",
                Size(row.WastedBytes),
                row.LargestOwnLayer is { } l ? $"{ByteUnits.Format(l.SizeBytes)} {Shorten(l.Instruction)}" : "-");
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"Experiment {report.ExperimentId} \"{report.Name}\" of {report.Project}: {report.Status}");
        var baseline = report.Baseline is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"Baseline: experiment {b.ExperimentId} \"{b.Name}\"{(b.Reason is null ? "" : $" ({b.Reason})")}\n")
            : "";
        var url = report.Url is { } u ? $"{u}\n" : "";
        var engine = report.MeasuredOn is { } measuredOn ? $"{measuredOn} Sizes are uncompressed; push sizes compressed.\n" : "";
        var acrossEngines = report.AcrossEngines is { } note ? $"{note}\n" : "";
        return $"{header}\n{url}{engine}{acrossEngines}{baseline}\n{table}";
    }

    private static string Size(long? bytes) => bytes is { } b ? ByteUnits.Format(b) : "-";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 50 ? line[..47] + "..." : line;
    }
}
