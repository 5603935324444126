using System.Globalization;
using ImageLab.Cli.Api;
using ImageLab.Cli.Live;
using ImageLab.Cli.Output;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;

namespace ImageLab.Cli.Commands;

/// <summary>
/// What <c>suggest</c> and <c>submit --suggest</c> share: pick the iteration to improve, ask for its suggestion, follow
/// its build (and its ablation builds and check) to the end, and print the transformations with what each saved.
/// </summary>
public static class SuggestionFlow
{
    /// <summary>The named iteration, else the last built one with findings that ImageLab did not write itself.</summary>
    public static IterationDetails PickSource(ExperimentDetails experiment, string? name)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (name is not null)
        {
            return experiment.Iterations.FirstOrDefault(i => i.Name == name)
                ?? throw new CliException($"Experiment {experiment.Id} has no iteration named '{name}' (it has {string.Join(", ", experiment.Iterations.Select(i => i.Name))}).");
        }

        return experiment.Iterations.LastOrDefault(i => i.Status == IterationStatus.Succeeded && i.SuggestedFrom is null && i.Findings.Count > 0)
            ?? throw new CliException($"Experiment {experiment.Id} has no built iteration with findings to improve; name one with --iteration.");
    }

    /// <summary>Asks for the suggestion; with <paramref name="wait"/>, follows it to the end and returns it as built.</summary>
    public static async Task<IterationDetails> SuggestAsync(
        ImageLabClient client, CliConsole console, ExperimentDetails experiment, IterationDetails source, bool wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(source);
        var suggested = await client.SuggestAsync(experiment.Id, source.Id, cancellationToken);
        console.Out.WriteLine($"Suggested iteration {suggested.Ordinal} ({suggested.Name}) from iteration {source.Ordinal} ({source.Name}): {client.Server.ExperimentPage(experiment.Id)}");
        var current = await client.GetExperimentAsync(experiment.Id, cancellationToken);
        if (wait)
        {
            // Only the suggestion is followed: the experiment's earlier builds are not printed again.
            var followed = current with { Iterations = [.. current.Iterations.Where(i => i.Id == suggested.Id)] };
            var printer = new ProgressPrinter(console, followed);
            await new BuildFollower(client, printer.Handle, printer.Note).FollowAsync(followed, cancellationToken);
            current = await client.GetExperimentAsync(experiment.Id, cancellationToken);
        }

        var built = current.Iterations.Single(i => i.Id == suggested.Id);
        Print(console, source, built);
        return built;
    }

    /// <summary>Whether the suggestion was built and did not fail its check.</summary>
    public static bool Succeeded(IterationDetails suggested)
    {
        ArgumentNullException.ThrowIfNull(suggested);
        return suggested.Status == IterationStatus.Succeeded && suggested.Check?.Status != SuggestionCheckStatus.Failed;
    }

    /// <summary>"61% smaller (655 MB → 255 MB, uncompressed, measured on Docker 26.1 ...)"; null until both sizes are measured.</summary>
    public static string? Saving(IterationDetails source, IterationDetails suggested)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(suggested);
        return Percentage.Reduction(source.SizeBytes, suggested.SizeBytes) is { } reduction && suggested.SizeBytes is { } size
            ? $"{reduction} ({ByteSize.Format(source.SizeBytes)} → {ByteSize.Format(size)}, uncompressed, measured on {suggested.MeasuredOn?.ToString() ?? suggested.Engine ?? "the engine"})"
            : null;
    }

    private static void Print(CliConsole console, IterationDetails source, IterationDetails suggested)
    {
        console.Out.WriteLine();
        console.Out.WriteLine($"Transformations of {suggested.Name} ({suggested.Status.ToString().ToLowerInvariant()}; saved = the source's size minus the size of the source built with that transformation alone, or on top of the transformations named, uncompressed):");
        var table = new TextTable("transformation", "line", "status", "saved", "title / reason").AlignRight(1, 3);
        foreach (var t in suggested.Transformations)
        {
            table.Add(t.Id, t.Line.ToString(CultureInfo.InvariantCulture), t.Status.ToString().ToLowerInvariant(), ByteSize.Format(t.SavedBytes),
                t.Reason is { } reason ? $"{t.Title}: {reason}" : t.OnTopOfText is { } onTopOf ? $"{t.Title} (measured {onTopOf})" : t.Title);
        }

        console.Out.Write(table.ToString());
        if (suggested.Error is { } error)
        {
            console.Out.WriteLine($"Build: {error}");
        }

        if (Saving(source, suggested) is { } saving)
        {
            console.Out.WriteLine($"Size: {saving}.");
        }

        console.Out.WriteLine($"Check: {SuggestionResponse.Describe(suggested.Check)}.");
        if (suggested.Check is { FailingTransformations.Count: > 0 } check)
        {
            console.Out.WriteLine($"Failing alone: {string.Join(", ", check.FailingTransformations)}.");
        }
    }
}
