using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Data.Events;
using Microsoft.Extensions.Logging;

namespace ImageLab.Worker.Suggestions;

/// <summary>
/// The proof of a suggested iteration, run by the pipeline right after its main build: each transformation is built
/// alone on top of the source (an ablation build, through the same engine path, cancellable, its image kept for the
/// check and removed at the end), and what it saved is the source image's size minus that build's, both as <c>docker image inspect</c>
/// reports them on this engine: measured, never estimated. A transformation whose build fails is dropped with the
/// engine's reason and the suggestion is rebuilt without it; that build's result replaces the main one. When the
/// experiment has a check command, <see cref="SuggestionChecker"/> then runs it on the source and the suggested image.
/// </summary>
public sealed partial class SuggestionProver(
    IDockerEngine engine,
    IterationStore iterations,
    SuggestionStore suggestions,
    BuildEventWriter events,
    SuggestionChecker checker,
    ILogger<SuggestionProver> logger)
{
    private readonly DockerfileRewriter _rewriter = new();

    /// <summary>
    /// Proves the job when it is a suggested iteration and returns the build result and Dockerfile to measure (the
    /// main build's, or the rebuild's when transformations were dropped); returns the main ones for any other job.
    /// </summary>
    public async Task<(BuildResult Result, DockerfileDocument Document)> ProveAsync(
        BuildJob job, string owner, BuildRequest request, BuildResult result, DockerfileDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);
        if (job.SuggestedFromId is null || await suggestions.GetProofAsync(job.IterationId, cancellationToken) is not { } proof)
        {
            return (result, document);
        }

        // The ablations' images stay until the check ran on them (it names the transformations that fail it alone).
        var ablations = new Dictionary<string, BuildResult>(StringComparer.Ordinal);
        try
        {
            var proven = await ProveTransformationsAsync(job, owner, request, result, document, proof, ablations, cancellationToken);
            if (proof.Check is { } check && proven.Result is { Succeeded: true, ImageId: { } suggestedImage })
            {
                var images = ablations.Where(a => a.Value.ImageId is not null).ToDictionary(a => a.Key, a => a.Value.ImageId!, StringComparer.Ordinal);
                await checker.CheckAsync(job, owner, check, proof.SourceImageId, suggestedImage, images, cancellationToken);
            }

            return proven;
        }
        finally
        {
            foreach (var ablation in ablations.Values)
            {
                await RemoveAsync(ablation, CancellationToken.None);
            }
        }
    }

    private async Task<(BuildResult Result, DockerfileDocument Document)> ProveTransformationsAsync(
        BuildJob job, string owner, BuildRequest request, BuildResult result, DockerfileDocument document, SuggestionProof proof,
        Dictionary<string, BuildResult> ablations, CancellationToken cancellationToken)
    {
        var options = OptionsFor(job.DockerfileText);
        var ids = proof.Transformations.Select(t => t.RewriteId).ToList();
        var sourceBytes = await MeasureSourceAsync(proof, cancellationToken);
        var dropped = proof.Transformations.Where(t => t.Status == TransformationStatus.Dropped).Select(t => t.RewriteId).ToList();
        foreach (var step in proof.Transformations.Where(t => t.Status == TransformationStatus.Pending))
        {
            var ablation = new Ablation(job, owner, request, proof.SourceDockerfileText, step.RewriteId, ids, sourceBytes, options);
            if (await MeasureAsync(ablation, ablations, cancellationToken) is { } reason)
            {
                await suggestions.DropAsync(job.IterationId, owner, step.RewriteId, reason, cancellationToken);
                events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning, text: $"Transformation {step.RewriteId} was dropped: {reason}");
                dropped.Add(step.RewriteId);
            }
        }

        var kept = _rewriter.Suggest(proof.SourceDockerfileText, options, dropped);
        if (kept.Text == job.DockerfileText)
        {
            return (result, document);
        }

        await RemoveAsync(result, cancellationToken);
        if (!kept.HasChanges)
        {
            return (result with { Succeeded = false, ImageId = null, Error = "Every transformation of this suggestion broke the build, so nothing is left to suggest." }, document);
        }

        LogRebuilding(logger, job.IterationId, dropped);
        await suggestions.ReplaceDockerfileAsync(job.IterationId, owner, kept.Text, cancellationToken);
        await using var context = iterations.OpenContext(job, kept.Text);
        var rebuilt = await engine.BuildAsync(request, context, new Progress<BuildEvent>(), cancellationToken);
        return (rebuilt, DockerfileParser.Parse(kept.Text, job.BuildArgs));
    }

    // The base images the suggestion names were on the engine (or allowed) when it was written: the ablations may use them.
    private static DockerfileRewriteOptions OptionsFor(string suggestedText) => new()
    {
        AllowedBaseImages = NetworkReach.ImagesOf(DockerfileParser.Parse(suggestedText)).Select(i => i.Image).ToHashSet(StringComparer.Ordinal),
    };

    private async Task<long> MeasureSourceAsync(SuggestionProof proof, CancellationToken cancellationToken) =>
        proof.SourceImageId is { } id && await engine.InspectImageAsync(id, cancellationToken) is { } image
            ? image.SizeBytes
            : proof.SourceSizeBytes ?? throw new InvalidOperationException("the source iteration has no measured image to compare with.");

    // Builds the source with the one transformation; returns why it is dropped, or null once its saving is stored (its
    // image then joins the kept ablations; a failed build's leftovers are removed at once).
    private async Task<string?> MeasureAsync(Ablation step, Dictionary<string, BuildResult> ablations, CancellationToken cancellationToken)
    {
        var (job, owner, request, source, rewriteId, ids, sourceBytes, options) = step;
        if (_rewriter.Ablate(source, rewriteId, ids, options) is not { } ablation)
        {
            return "applied to the source without the others, it changes nothing.";
        }

        var ablationRequest = request with
        {
            Tags = [$"{(request.Tags.Count > 0 ? request.Tags[0] : "imagelab/ablation:latest")}-ablation-{rewriteId}"],
            Labels = new Dictionary<string, string>(request.Labels) { ["imagelab.ablation"] = rewriteId },
        };
        await using var context = iterations.OpenContext(job, ablation.Text);
        var built = await engine.BuildAsync(ablationRequest, context, new Progress<BuildEvent>(), cancellationToken);
        if (!built.Succeeded || built.ImageId is null)
        {
            await RemoveAsync(built, CancellationToken.None);
            return $"its own build failed: {(built.Error is { } error ? PrintableText.Of(job.Secrets.Apply(error)) : "the engine gave no message.")}";
        }

        ablations[rewriteId] = built;
        var image = await engine.InspectImageAsync(built.ImageId, cancellationToken)
            ?? throw new InvalidOperationException($"the engine reported image {built.ImageId} but cannot find it.");
        var note = ablation.BuiltWith.Count == 0 ? null : $"Built together with {string.Join(", ", ablation.BuiltWith)}, which it needs.";
        await suggestions.SetMeasuredAsync(job.IterationId, owner, rewriteId, sourceBytes - image.SizeBytes, note, cancellationToken);
        return null;
    }

    private sealed record Ablation(
        BuildJob Job, string Owner, BuildRequest Request, string Source, string RewriteId, IReadOnlyList<string> Ids, long SourceBytes, DockerfileRewriteOptions Options);

    private async Task RemoveAsync(BuildResult built, CancellationToken cancellationToken)
    {
        if (built.ImageId is { } id)
        {
            await engine.RemoveImageAsync(id, cancellationToken);
        }

        foreach (var stage in built.StageImageIds)
        {
            await engine.RemoveUntaggedImageAsync(stage, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggested iteration {IterationId} is rebuilt without the transformations that broke its build: {Dropped}.")]
    private static partial void LogRebuilding(ILogger logger, long iterationId, IReadOnlyList<string> dropped);
}
