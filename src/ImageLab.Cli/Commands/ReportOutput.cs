using System.CommandLine;
using ImageLab.Cli.Output;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Commands;

/// <summary>The <c>--format table|json|markdown|csv</c> option of <c>show</c> and <c>compare</c>, and the printing it selects.</summary>
public static class ReportOutput
{
    public static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "table (default), json, markdown (for a pull-request comment) or csv",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "markdown", "csv");
        return option;
    }

    public static void Print(ExperimentReport report, string format, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Out.Write(format == "table" ? ReportTable.Render(report) : ReportRenderer.Render(report, ReportRenderer.ParseFormat(format)!.Value));
    }
}
