using ImageLab.Cli.Api;
using ImageLab.Cli.Budgets;
using ImageLab.Cli.Live;
using ImageLab.Cli.Output;
using ImageLab.Core.Experiments;

namespace ImageLab.Cli.Commands;

/// <summary>
/// What <c>submit --wait</c> and <c>watch</c> share: follow the build live, print the outcome (the report
/// table, the failing steps' log tails), check the budgets, and turn it all into an exit code.
/// </summary>
public static class FollowFlow
{
    private const int LogTailLines = 20;

    public static async Task<int> RunAsync(ImageLabClient client, CliConsole console, ExperimentDetails experiment, BudgetFile? budgets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiment);
        var printer = new ProgressPrinter(console, experiment);
        var follower = new BuildFollower(client, printer.Handle, printer.Note) { WaitForAnalysis = budgets?.NeedsAnalysis == true };
        await follower.FollowAsync(experiment, cancellationToken);

        var report = await client.GetReportAsync(experiment.Id, budgets?.NeedsBaseline == true ? "auto" : null, cancellationToken);
        console.Out.WriteLine();
        console.Out.Write(ReportTable.Render(report));
        foreach (var failed in report.Iterations.Where(i => i.Status == IterationStatus.Failed))
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"Last lines of the log of {failed.Name}:");
            foreach (var line in await client.GetLogTailAsync(experiment.Id, failed.IterationId, LogTailLines, cancellationToken))
            {
                console.Out.WriteLine("  " + line);
            }
        }

        var exitCode = report.Status == ExperimentStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        if (exitCode != ExitCodes.Ok)
        {
            console.Error.WriteLine($"Experiment {experiment.Id} {report.Status.ToString().ToLowerInvariant()}: {client.Server.ExperimentPage(experiment.Id)}");
        }

        if (budgets is not null && !budgets.IsEmpty && report.Status == ExperimentStatus.Succeeded)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"Budgets of {budgets.Path}:");
            var result = BudgetEvaluator.Evaluate(report, budgets.For);
            BudgetEvaluator.Print(result, console);
            exitCode = result.Passed ? exitCode : ExitCodes.Failed;
        }

        return exitCode;
    }
}
