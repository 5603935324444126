using System.CommandLine;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab show ID</c>: the experiment's report, against the project's baseline when there is one.</summary>
public static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var id = CommonOptions.ExperimentId();
        var format = ReportOutput.CreateFormatOption();
        var command = new Command("show", "Print an experiment's report (sizes, reductions, largest layers, findings)") { id, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = CommonOptions.CreateClient(parse, console);
            var report = await client.GetReportAsync(parse.GetValue(id), "auto", cancellationToken);
            ReportOutput.Print(report, parse.GetRequiredValue(format), console);
            return ExitCodes.Ok;
        });
        return command;
    }
}
