using System.Globalization;
using System.Text;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Reports;

/// <summary>Renders a report as GitHub-flavoured Markdown, made to be posted as a pull-request comment.</summary>
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
        foreach (var row in report.Iterations)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Escape(row.Name)}{StatusNote(row)} | {Size(row.SizeBytes)} |");
            if (showPush)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Size(row.CompressedSizeBytes)} |");
            }

            md.Append(CultureInfo.InvariantCulture, $" {Reduction(row.ReductionPercent)} |");
            if (showBaseline)
            {
                md.Append(CultureInfo.InvariantCulture, $" {Change(row.ChangeFromBaselinePercent, row.BaselineSizeBytes)} |");
            }

            md.Append(CultureInfo.InvariantCulture, $" {Layer(row.LargestOwnLayer)} |\n");
        }

        if (report.Baseline is { } baseline)
        {
            var reason = baseline.Reason is null ? "" : $", {baseline.Reason}";
            md.Append(CultureInfo.InvariantCulture,
                $"\nBaseline: experiment {baseline.ExperimentId} “{Escape(baseline.Name)}” of {baseline.CreatedAt:yyyy-MM-dd HH:mm} UTC{Escape(reason)}.\n");
        }

        if (report.Iterations.Where(r => r.Error is not null).ToList() is { Count: > 0 } failed)
        {
            md.Append('\n');
            foreach (var row in failed)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{Escape(row.Name)}** {row.Status.ToString().ToLowerInvariant()}: {Escape(row.Error!)}\n");
            }
        }

        if (report.TopFindings.Count > 0)
        {
            md.Append("\n**Top findings**\n\n");
            foreach (var finding in report.TopFindings)
            {
                var stake = finding.BytesAtStake is { } bytes ? $" ({ByteUnits.Format(bytes)} at stake)" : "";
                md.Append(CultureInfo.InvariantCulture,
                    $"- {CodeSpan(finding.RuleId)} {Escape(finding.Iteration)}, line {finding.Line}{stake}: {Escape(finding.Message)}\n");
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

    private static string Size(long? bytes) => bytes is { } b ? ByteUnits.Format(b) : "—";

    private static string Reduction(double? percent) => percent switch
    {
        null => "—",
        >= 0 => string.Create(CultureInfo.InvariantCulture, $"{percent:0.0}% smaller"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{-percent:0.0}% bigger"),
    };

    private static string Change(double? percent, long? baselineBytes) => percent switch
    {
        null => "—",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"▲ +{percent:0.0}% (was {ByteUnits.Format(baselineBytes!.Value)})"),
        < 0 => string.Create(CultureInfo.InvariantCulture, $"▼ {percent:0.0}% (was {ByteUnits.Format(baselineBytes!.Value)})"),
        _ => "= 0.0%",
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
        return $"{ByteUnits.Format(layer.SizeBytes)} {CodeSpan(instruction)}{line}";
    }

    /// <summary>
    /// Server and user text as literal Markdown on one line: table pipes, code and emphasis marks and link brackets are
    /// backslash-escaped, and HTML is written as entities, so a name or a message can neither break the table nor
    /// inject markup or links.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                '\\' or '`' or '|' or '*' or '_' or '[' or ']' or '~' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    // Inside a code span only the table pipe needs escaping (GFM reads \| there); HTML is literal, backticks become quotes.
    private static string CodeSpan(string text) => "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
