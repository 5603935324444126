using System.CommandLine;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab watch ID</c>: follows an experiment live (from its first event) and exits with its result.</summary>
public static class WatchCommand
{
    public static Command Create(CliConsole console)
    {
        var id = CommonOptions.ExperimentId();
        var command = new Command("watch", "Follow an experiment's builds live until they end") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = CommonOptions.CreateClient(parse, console);
            var experiment = await client.GetExperimentAsync(parse.GetValue(id), cancellationToken);
            console.Out.WriteLine(client.Server.ExperimentPage(experiment.Id));
            return await FollowFlow.RunAsync(client, console, experiment, budgets: null, cancellationToken);
        });
        return command;
    }
}
