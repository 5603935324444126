using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Suggestions;

/// <summary>
/// Whether a suggested image still does its job: the experiment's check command runs in a container of the source
/// image, then of the suggested one (no network, <c>Suggestions:Check*</c> bounds), and passes when it exits 0 with the
/// expected text in its output. A source that fails makes the check meaningless, and it says so; a suggestion that fails
/// runs the check on each transformation's ablation image to name the transformations that fail it alone.
/// </summary>
public sealed partial class SuggestionChecker(
    IDockerEngine engine,
    SuggestionStore suggestions,
    BuildEventWriter events,
    IOptions<SuggestionCheckOptions> options,
    ILogger<SuggestionChecker> logger)
{
    /// <summary>
    /// Runs the check and stores its outcome; <paramref name="ablationImages"/> holds each measured transformation's
    /// ablation image, by rewrite id, and <paramref name="onTopOf"/> the transformations each of those was built on top of.
    /// </summary>
    public async Task CheckAsync(
        BuildJob job, string owner, CheckCommand check, string? sourceImage, string suggestedImage,
        IReadOnlyDictionary<string, string> ablationImages, IReadOnlyDictionary<string, IReadOnlyList<string>> onTopOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(ablationImages);
        ArgumentNullException.ThrowIfNull(onTopOf);
        var outcome = await RunAllAsync(job, check, sourceImage, suggestedImage, ablationImages, onTopOf, cancellationToken);
        LogChecked(logger, job.IterationId, outcome.Status, outcome.Reason);
        await suggestions.SetCheckAsync(job.IterationId, owner, outcome, cancellationToken);
        events.Post(job.ExperimentId, job.IterationId, outcome.Status == SuggestionCheckStatus.Passed ? BuildEventType.Log : BuildEventType.Warning,
            text: outcome.Status == SuggestionCheckStatus.Passed ? "The check passed on the source and on the suggested image." : $"The check failed: {outcome.Reason}");
    }

    private async Task<SuggestionCheckOutcome> RunAllAsync(
        BuildJob job, CheckCommand check, string? sourceImage, string suggestedImage, IReadOnlyDictionary<string, string> ablationImages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> onTopOf, CancellationToken cancellationToken)
    {
        if (sourceImage is null || await engine.InspectImageAsync(sourceImage, cancellationToken) is null)
        {
            return new SuggestionCheckOutcome(SuggestionCheckStatus.Failed, null, null, [],
                "The source iteration's image is no longer on the engine, so the check has nothing to compare the suggestion with.");
        }

        var source = await RunAsync(job, check, sourceImage, "source", cancellationToken);
        if (source.Failure is { } sourceFailure)
        {
            return new SuggestionCheckOutcome(SuggestionCheckStatus.Failed, source.Output, null, [],
                $"The source image itself fails the check ({sourceFailure}), so the check says nothing about the suggestion.");
        }

        var suggested = await RunAsync(job, check, suggestedImage, "suggested", cancellationToken);
        if (suggested.Failure is not { } failure)
        {
            return new SuggestionCheckOutcome(SuggestionCheckStatus.Passed, source.Output, suggested.Output, [], null);
        }

        var failing = new List<string>();
        foreach (var (rewriteId, image) in ablationImages)
        {
            if ((await RunAsync(job, check, image, rewriteId, cancellationToken)).Failure is not null)
            {
                failing.Add(rewriteId);
            }
        }

        // One built on top of a failing one only inherits the failure: only the failing one is named.
        failing = failing.Where(id => !onTopOf.GetValueOrDefault(id, []).Any(failing.Contains)).ToList();
        var blame = failing.Count > 0
            ? $"; applied alone, {string.Join(", ", failing.Select(id => TransformationDetails.DescribeOnTopOf(onTopOf.GetValueOrDefault(id, [])) is { } under ? $"{id} ({under})" : id))} fails it too"
            : "; no transformation fails it alone, so it is their combination";
        return new SuggestionCheckOutcome(SuggestionCheckStatus.Failed, source.Output, suggested.Output, failing,
            $"The suggested image fails the check ({failure}){blame}.");
    }

    private async Task<CheckRun> RunAsync(BuildJob job, CheckCommand check, string image, string role, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = await engine.RunContainerAsync(
            new ContainerRunRequest
            {
                Image = image,
                Command = check.Command,
                NetworkMode = "none",
                MemoryBytes = settings.CheckMemoryMb * 1024L * 1024,
                Timeout = TimeSpan.FromSeconds(settings.CheckTimeoutSeconds),
                MaxOutputBytes = settings.CheckMaxOutputBytes,
                Labels = new Dictionary<string, string>
                {
                    ["imagelab.project"] = job.Project,
                    ["imagelab.iteration"] = job.IterationId.ToString(CultureInfo.InvariantCulture),
                    ["imagelab.check"] = role,
                },
            },
            cancellationToken);
        var output = PrintableText.Of(job.Secrets.Apply(result.Output));
        return new CheckRun(output, Explain(result, check.Expect, settings));
    }

    // Why a run fails the check, in words; null when it passes (exit 0, and the expected text in the output when set).
    private static string? Explain(ContainerRunResult result, string? expect, SuggestionCheckOptions settings) => result switch
    {
        { StartError: { } error } => $"the command could not start: {PrintableText.Of(error)}",
        { TimedOut: true } => $"it ran past {settings.CheckTimeoutSeconds} seconds (Suggestions:CheckTimeoutSeconds)",
        { OutOfMemory: true } => $"it passed the memory limit of {settings.CheckMemoryMb} MB (Suggestions:CheckMemoryMb)",
        { ExitCode: not 0 } => $"it exited with code {result.ExitCode}",
        _ when expect is not null && !result.Output.Contains(expect, StringComparison.Ordinal) => $"its output does not contain '{expect}'",
        _ => null,
    };

    private sealed record CheckRun(string Output, string? Failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked suggested iteration {IterationId}: {Status} {Reason}")]
    private static partial void LogChecked(ILogger logger, long iterationId, SuggestionCheckStatus status, string? reason);
}
