using System.Globalization;
using System.Text;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using static ImageLab.Core.Reports.MarkdownText;

namespace ImageLab.Core.Reports;

/// <summary>
/// Renders a report as GitHub-flavoured Markdown, made to be posted as a pull-request comment; every piece of server or
/// user text goes through <see cref="MarkdownText"/>.
/// </summary>
public static class MarkdownReportRenderer
{
    public static string Render(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"### ImageLab: {Escape(report.Project)} · {Escape(report.Name)} ({report.Status})\n\n");
        var showPush = report.Iterations.Any(i => i.CompressedSizeBytes is not null);
        var showBaseline = report.Baseline is not null;
        md.Append("| iteration | size |");
        md.Append(showPush ? " push size |" : "");
        md.Append(" vs first |");
        md.Append(showBaseline ? " vs baseline |" : "");
        md.Append(" largest own layer |\n|---|---:|");
        md.Append(showPush ? "---:|" : "");
        md.Append("---:|");
        md.Append(showBaseline ? "---:|" : "");
        md.Append("---|\n");
        var first = report.Iterations.Count > 0 ? report.Iterations[0] : null;
        foreach (var row in report.Iterations)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Escape(row.Name)}{StatusNote(row)} | {Size(row.SizeBytes)} |");
            if (showPush)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Size(row.CompressedSizeBytes)} |");
            }

            md.Append(CultureInfo.InvariantCulture, $" {(ReferenceEquals(row, first) ? "—" : Percentage.Reduction(first?.SizeBytes, row.SizeBytes) ?? "—")} |");
            if (showBaseline)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Change(row.BaselineSizeBytes, row.SizeBytes)} |");
            }

            md.Append(CultureInfo.InvariantCulture, $" {Layer(row.LargestOwnLayer)} |\n");
        }

        if (report.MeasuredOn is { } measuredOn)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nSizes are uncompressed (the files in the layers); push sizes are compressed. {Escape(measuredOn)}\n");
        }

        if (report.AcrossEngines is { } acrossEngines)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n> {Escape(acrossEngines)}\n");
        }

        if (report.Baseline is { } baseline)
        {
            var reason = baseline.Reason is null ? "" : $", {baseline.Reason}";
            md.Append(CultureInfo.InvariantCulture,
                $"\nBaseline: experiment {baseline.ExperimentId} “{Escape(baseline.Name)}” of {baseline.CreatedAt:yyyy-MM-dd HH:mm} UTC{Escape(reason)}.\n");
        }

        if (report.NoBaseline is { } noBaseline)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{Escape(noBaseline)}\n");
        }

        if (report.Iterations.Where(r => r.Error is not null).ToList() is { Count: > 0 } failed)
        {
            md.Append('\n');
            foreach (var row in failed)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{Escape(row.Name)}** {row.Status.ToString().ToLowerInvariant()}: {Escape(row.Error!)}\n");
            }
        }

        if (report.SizeCauses.Count > 0)
        {
            md.Append("\n**Why the size changed**\n\n");
            foreach (var cause in report.SizeCauses)
            {
                var detail = cause.Detail is null ? "" : $" — {CodeSpan(cause.Detail, inTableCell: false)} {ByteSize.Change(cause.DetailBytes ?? 0)}";
                md.Append(CultureInfo.InvariantCulture,
                    $"- **{ByteSize.Change(cause.DeltaBytes)}** {Escape(cause.Iteration)} vs {Escape(cause.ComparedWith)}: {WithCode(cause.Step, inTableCell: false)}{detail}\n");
            }
        }

        if (report.TopFindings.Count > 0)
        {
            md.Append("\n**Top findings**\n\n");
            foreach (var finding in report.TopFindings)
            {
                var stake = (finding.MeasuredSavingBytes, finding.BytesAtStake) switch
                {
                    ({ } saved, _) => $" ({ByteSize.Change(-saved)} measured by a suggested build)",
                    (null, { } bytes) => $" ({ByteSize.Format(bytes)} at stake, estimate)",
                    _ => "",
                };
                md.Append(CultureInfo.InvariantCulture,
                    $"- {CodeSpan(finding.RuleId, inTableCell: false)} {Escape(finding.Iteration)}, line {finding.Line}{stake}: {Escape(finding.Message)}\n");
            }
        }

        if (report.Url is { } url)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n[Open experiment {report.ExperimentId} in ImageLab]({url})\n");
        }

        return md.ToString();
    }

    private static string StatusNote(IterationReportRow row) =>
        row.Status == IterationStatus.Succeeded ? "" : $" ({row.Status.ToString().ToLowerInvariant()})";

    private static string Size(long? bytes) => bytes is { } b ? ByteSize.Format(b) : "—";

    private static string Change(long? baselineBytes, long? sizeBytes) => Percentage.ChangePercent(baselineBytes, sizeBytes) switch
    {
        null => "—",
        > 0 => $"▲ {Percentage.Change(baselineBytes, sizeBytes)} (was {ByteSize.Format(baselineBytes!.Value)})",
        < 0 => $"▼ {Percentage.Change(baselineBytes, sizeBytes)} (was {ByteSize.Format(baselineBytes!.Value)})",
        _ => "= 0%",
    };

    private static string Layer(ReportLayer? layer)
    {
        if (layer is null)
        {
            return "—";
        }

        var instruction = layer.Instruction.ReplaceLineEndings(" ").Trim();
        if (instruction.Length > 60)
        {
            instruction = instruction[..57] + "...";
        }

        var line = layer.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l})") : "";
        return $"{ByteSize.Format(layer.SizeBytes)} {CodeSpan(instruction, inTableCell: true)}{line}";
    }
}
