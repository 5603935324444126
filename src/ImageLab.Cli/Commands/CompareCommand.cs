using System.CommandLine;
using System.Globalization;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab compare ID [--against ID|--baseline]</c>: the report of one experiment against another.</summary>
public static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var id = CommonOptions.ExperimentId();
        var against = new Option<long?>("--against") { Description = "The experiment to compare with" };
        var baseline = new Option<bool>("--baseline") { Description = "Compare with the project's baseline experiment (the default)" };
        var format = ReportOutput.CreateFormatOption();
        var command = new Command("compare", "Compare an experiment's iterations with another experiment's") { id, against, baseline, format };
        command.Validators.Add(result =>
        {
            if (result.GetValue(against) is not null && result.GetValue(baseline))
            {
                result.AddError("Give either --against ID or --baseline, not both.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = CommonOptions.CreateClient(parse, console);
            var other = parse.GetValue(against)?.ToString(CultureInfo.InvariantCulture) ?? "auto";
            var report = await client.GetReportAsync(parse.GetValue(id), other, cancellationToken);
            if (report.Baseline is null)
            {
                console.Error.WriteLine($"There is no baseline experiment for project {report.Project} yet; the report compares the iterations with the first one only.");
            }

            ReportOutput.Print(report, parse.GetRequiredValue(format), console);
            return ExitCodes.Ok;
        });
        return command;
    }
}
