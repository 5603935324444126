using System.CommandLine;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Cli.Commands;

/// <summary>
/// <c>imagelab suggest ID [--iteration NAME] [--wait] [--write PATH]</c>: asks ImageLab to write a smaller Dockerfile for
/// an iteration, prints its transformations with the bytes each one's own build saved, and writes the Dockerfile (and the
/// <c>.dockerignore</c> it was built with, when a transformation left files out of the context).
/// </summary>
public static class SuggestCommand
{
    public static Command Create(CliConsole console)
    {
        var id = CommonOptions.ExperimentId();
        var iteration = new Option<string?>("--iteration", "-i") { Description = "The iteration to improve (default: the last built one with findings)" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the suggestion's builds and check to the end and exit with the result" };
        var write = new Option<string?>("--write")
        {
            Description = "Write the suggested Dockerfile to this file (after --wait: as built, without dropped transformations), and beside it the .dockerignore it was built with when it changes it",
        };
        var command = new Command("suggest", "Ask for a smaller Dockerfile, proven by building it: what each change saved, and whether the image still works")
        {
            id, iteration, wait, write,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = CommonOptions.CreateClient(parse, console);
            var experiment = await client.GetExperimentAsync(parse.GetValue(id), cancellationToken);
            var source = SuggestionFlow.PickSource(experiment, parse.GetValue(iteration));
            var suggested = await SuggestionFlow.SuggestAsync(client, console, experiment, source, parse.GetValue(wait), cancellationToken);
            if (parse.GetValue(write) is { } path)
            {
                var target = console.ResolvePath(path);
                await File.WriteAllTextAsync(target, suggested.DockerfileText, cancellationToken);
                console.Out.WriteLine($"Wrote the suggested Dockerfile to {target}.");
                if (await client.GetSuggestedDockerIgnoreAsync(experiment.Id, suggested.Id, cancellationToken) is { } dockerIgnore)
                {
                    var ignorePath = Path.Combine(Path.GetDirectoryName(target) ?? ".", DockerIgnoreChange.Path);
                    await File.WriteAllTextAsync(ignorePath, dockerIgnore, cancellationToken);
                    console.Out.WriteLine($"Wrote the .dockerignore it was built with to {ignorePath} (it belongs at the root of the build context).");
                }
            }

            return !parse.GetValue(wait) || SuggestionFlow.Succeeded(suggested) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
