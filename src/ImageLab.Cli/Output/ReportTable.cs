using System.Globalization;
using ImageLab.Core.Formatting;
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
        var first = report.Iterations.Count > 0 ? report.Iterations[0] : null;
        foreach (var row in report.Iterations)
        {
            var change = Percentage.ChangePercent(row.BaselineSizeBytes, row.SizeBytes);
            table.Add(
                row.Ordinal.ToString(CultureInfo.InvariantCulture),
                row.Name,
                row.Status.ToString(),
                Size(row.SizeBytes),
                Size(row.CompressedSizeBytes),
                ReferenceEquals(row, first) ? "-" : Percentage.Change(first?.SizeBytes, row.SizeBytes) ?? "-",
                change is { } c ? $"{(c > 0 ? "▲" : c < 0 ? "▼" : "=")} {Percentage.Change(row.BaselineSizeBytes, row.SizeBytes)}" : "-",
                row.Efficiency is { } e ? Percentage.Format(e * 100) : "-",
                Size(row.WastedBytes),
                row.LargestOwnLayer is { } l ? $"{ByteSize.Format(l.SizeBytes)} {Shorten(l.Instruction)}" : "-");
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"Experiment {report.ExperimentId} \"{report.Name}\" of {report.Project}: {report.Status}");
        var baseline = report.Baseline is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"Baseline: experiment {b.ExperimentId} \"{b.Name}\"{(b.Reason is null ? "" : $" ({b.Reason})")}\n")
            : report.NoBaseline is { } none ? $"{none}\n" : "";
        var url = report.Url is { } u ? $"{u}\n" : "";
        var engine = report.MeasuredOn is { } measuredOn ? $"{measuredOn} Sizes are uncompressed; push sizes compressed.\n" : "";
        var acrossEngines = report.AcrossEngines is { } note ? $"{note}\n" : "";
        var causes = report.SizeCauses.Count == 0
            ? ""
            : "\nWhy the size changed:\n" + string.Concat(report.SizeCauses.Select(c => $"  {c.Iteration} vs {c.ComparedWith}: {c.Describe()}\n"));
        return $"{header}\n{url}{engine}{acrossEngines}{baseline}\n{table}{causes}";
    }

    private static string Size(long? bytes) => bytes is { } b ? ByteSize.Format(b) : "-";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 50 ? line[..47] + "..." : line;
    }
}
