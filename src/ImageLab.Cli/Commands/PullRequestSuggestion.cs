using ImageLab.Cli.Api;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Commands;

/// <summary>
/// <c>submit --suggest</c>: once the submission is built, asks for a suggestion of its last iteration, follows it, writes
/// <c>imagelab.patch</c> and returns the Markdown line for the pull request ("this PR's image could be 61% smaller ...:
/// apply <c>imagelab.patch</c>"), or a line that says why there is nothing to apply.
/// </summary>
public static class PullRequestSuggestion
{
    public const string PatchFileName = "imagelab.patch";

    public static async Task<string> RunAsync(ImageLabClient client, CliConsole console, long experimentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(console);
        var experiment = await client.GetExperimentAsync(experimentId, cancellationToken);
        var source = experiment.Iterations.LastOrDefault(i => i.SuggestedFrom is null);
        if (source is not { Status: IterationStatus.Succeeded })
        {
            return "ImageLab wrote no smaller Dockerfile: the last iteration was not built.";
        }

        console.Out.WriteLine();
        IterationDetails suggested;
        try
        {
            suggested = await SuggestionFlow.SuggestAsync(client, console, experiment, source, wait: true, cancellationToken);
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.Usage)
        {
            // The server's sentence (e.g. "No transformation applies ..."): nothing to suggest is not a failed pull request.
            return $"ImageLab wrote no smaller Dockerfile: {e.Message}";
        }

        if (!SuggestionFlow.Succeeded(suggested) || SuggestionFlow.Saving(source, suggested) is not { } saving || suggested.SizeBytes >= source.SizeBytes)
        {
            return $"ImageLab's suggested Dockerfile for this PR's image is not proven: {(suggested.Error ?? $"check {SuggestionResponse.Describe(suggested.Check)}").TrimEnd('.')}.";
        }

        var patchPath = console.ResolvePath(PatchFileName);
        await File.WriteAllTextAsync(patchPath, await client.GetPatchAsync(experimentId, suggested.Id, cancellationToken), cancellationToken);
        console.Out.WriteLine($"Wrote {patchPath}.");
        return $"This PR's image could be {saving}: apply `{PatchFileName}` (check: {SuggestionResponse.Describe(suggested.Check)}).";
    }

    /// <summary>The experiment's Markdown report (against the project's baseline) with the suggestion's line under it.</summary>
    public static async Task WriteReportAsync(ImageLabClient client, long experimentId, string path, string? line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var report = await client.GetReportAsync(experimentId, "auto", cancellationToken);
        var markdown = ReportRenderer.Render(report, ReportFormat.Markdown);
        await File.WriteAllTextAsync(path, line is null ? markdown : $"{markdown.TrimEnd()}\n\n{line}\n", cancellationToken);
    }
}
