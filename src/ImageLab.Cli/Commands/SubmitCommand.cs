using System.CommandLine;
using ImageLab.Cli.Api;
using ImageLab.Cli.Budgets;

namespace ImageLab.Cli.Commands;

/// <summary><c>imagelab submit [PATH]</c>: packs a folder (honouring .dockerignore, streamed), uploads it, prints the experiment's URL, optionally waits.</summary>
public static class SubmitCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "The build context folder", DefaultValueFactory = _ => "." };
        var project = new Option<string?>("--project", "-p") { Description = "The project (service) the experiment belongs to" };
        var name = new Option<string?>("--name") { Description = "The experiment's name (default: project and time)" };
        var builder = new Option<string?>("--builder") { Description = "buildkit (default) or classic" };
        builder.AcceptOnlyFromAmong("buildkit", "classic");
        var dockerfiles = new Option<string[]>("--dockerfile", "-f")
        {
            Description = "A Dockerfile to build, relative to PATH; repeat for iterations in order (default: Dockerfile, Dockerfile.* and *.Dockerfile in PATH)",
        };
        var labels = new Option<string[]>("--label", "-l") { Description = "A label key=value (e.g. branch=main, commit=abc123); repeatable" };
        var buildArgs = new Option<string[]>("--build-arg") { Description = "A build argument NAME=value; repeatable" };
        var network = new Option<bool>("--network") { Description = "Let RUN steps use the network (as far as the server allows); without it they get none" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the build live, apply imagelab.json budgets and exit with the result" };
        var suggest = new Option<bool>("--suggest")
        {
            Description = $"After the builds (implies --wait), ask for a smaller Dockerfile of the last iteration, prove it, write {PullRequestSuggestion.PatchFileName} and add the saving to the report",
        };
        var report = new Option<string?>("--report") { Description = "With --wait, write the Markdown report (for a pull-request comment) to this file" };
        var budgets = new Option<string?>("--budgets") { Description = "The budget file for --wait (default: imagelab.json in PATH, else in the current folder)" };

        var command = new Command("submit", "Upload a build context and its Dockerfiles as a new experiment")
        {
            path, project, name, builder, dockerfiles, labels, buildArgs, network, wait, budgets, suggest, report,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = console.ResolvePath(parse.GetRequiredValue(path));
            if (!Directory.Exists(folder))
            {
                throw new CliException($"The build context folder '{folder}' does not exist.");
            }

            var labelValues = parse.GetValue(labels) ?? [];
            foreach (var label in labelValues.Where(l => l.IndexOf('=', StringComparison.Ordinal) <= 0))
            {
                throw new CliException($"The label '{label}' is not of the form key=value.");
            }

            var named = parse.GetValue(dockerfiles) ?? [];
            var waits = parse.GetValue(wait) || parse.GetValue(suggest);
            var budgetFile = waits ? await FindBudgetsAsync(parse.GetValue(budgets), folder, console, cancellationToken) : null;
            var request = new SubmitRequest
            {
                Folder = folder,
                Dockerfiles = named,
                ContextDockerfiles = named.Length > 0 ? named : FindDockerfiles(folder),
                Name = parse.GetValue(name),
                Project = parse.GetValue(project),
                Builder = parse.GetValue(builder),
                Labels = labelValues,
                BuildArgs = parse.GetValue(buildArgs) ?? [],
                Network = parse.GetValue(network),
            };

            using var client = CommonOptions.CreateClient(parse, console);
            var experiment = await client.SubmitAsync(request, cancellationToken);
            console.Out.WriteLine(client.Server.ExperimentPage(experiment.Id));
            if (!waits)
            {
                return ExitCodes.Ok;
            }

            var exitCode = await FollowFlow.RunAsync(client, console, experiment, budgetFile, cancellationToken);
            var line = parse.GetValue(suggest) ? await PullRequestSuggestion.RunAsync(client, console, experiment.Id, cancellationToken) : null;
            if (line is not null)
            {
                console.Out.WriteLine();
                console.Out.WriteLine(line);
            }

            if (parse.GetValue(report) is { } reportPath)
            {
                await PullRequestSuggestion.WriteReportAsync(client, experiment.Id, console.ResolvePath(reportPath), line, cancellationToken);
            }

            return exitCode;
        });
        return command;
    }

    // Only to make sure .dockerignore cannot drop them; the server still picks and orders the iterations by name.
    private static string[] FindDockerfiles(string folder)
    {
        var found = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
                || (f.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase))
                || (f.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) && f.Length > ".Dockerfile".Length))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return found.Length > 0
            ? found
            : throw new CliException($"There is no Dockerfile in {folder}: add Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or name them with --dockerfile.");
    }

    private static async Task<BudgetFile?> FindBudgetsAsync(string? path, string folder, CliConsole console, CancellationToken cancellationToken) =>
        path is not null
            ? await BudgetFile.LoadAsync(console.ResolvePath(path), cancellationToken)
            : await BudgetFile.FindAsync([folder, console.WorkingDirectory], cancellationToken);
}
