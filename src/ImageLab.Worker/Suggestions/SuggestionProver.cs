using ImageLab.Core.BuildContexts;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Pipeline;
using Microsoft.Extensions.Logging;

namespace ImageLab.Worker.Suggestions;

/// <summary>
/// The proof of a suggested iteration, run by the pipeline right after its main build: each transformation is built
/// alone on top of the source (an ablation build, through the same engine path, cancellable, its image kept for the
/// check and removed at the end), and what it saved is the source image's size minus that build's, both as <c>docker image inspect</c>
/// reports them on this engine: measured, never estimated. A transformation that only makes sense on top of others
/// (<see cref="DockerfileAblation.BuiltWith"/>) is built with them, and measured against the build of them alone. A transformation whose build fails is dropped with the
/// engine's reason and the suggestion is rebuilt without it; that build's result replaces the main one. When the
/// experiment has a check command, <see cref="SuggestionChecker"/> then runs it on the source and the suggested image.
/// </summary>
public sealed partial class SuggestionProver(
    IDockerEngine engine,
    EngineImageGate gate,
    LayerAnalysisStep layers,
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
        var builds = new ProofBuilds();
        try
        {
            var proven = await ProveTransformationsAsync(job, owner, request, result, document, proof, builds, cancellationToken);
            if (proof.Check is { } check && proven.Result is { Succeeded: true, ImageId: { } suggestedImage })
            {
                var images = builds.Ablations.Where(a => a.Value.ImageId is not null).ToDictionary(a => a.Key, a => a.Value.ImageId!, StringComparer.Ordinal);
                await checker.CheckAsync(job, owner, check, proof.SourceImageId, suggestedImage, images, builds.OnTopOf, cancellationToken);
            }

            return proven;
        }
        finally
        {
            await RemoveAsync([.. builds.Ablations.Values], CancellationToken.None);
        }
    }

    /// <summary>
    /// The <c>.dockerignore</c> a suggested iteration is built with when one of its transformations (still in it) changes
    /// it; null for any other job, which builds from its context as stored.
    /// </summary>
    public async Task<string?> DockerIgnoreOfAsync(BuildJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.SuggestedFromId is null ? null : (await suggestions.GetDockerIgnoreChangeAsync(job.IterationId, cancellationToken))?.After;
    }

    private async Task<(BuildResult Result, DockerfileDocument Document)> ProveTransformationsAsync(
        BuildJob job, string owner, BuildRequest request, BuildResult result, DockerfileDocument document, SuggestionProof proof,
        ProofBuilds builds, CancellationToken cancellationToken)
    {
        var ids = proof.Transformations.Select(t => t.RewriteId).ToList();
        var dropped = proof.Transformations.Where(t => t.Status == TransformationStatus.Dropped).Select(t => t.RewriteId).ToList();
        // The context's files are read (the whole stored context) only for a suggestion that edits the context.
        var inventory = ids.Contains(ContextFilesOutRewrite.RewriteId) ? await iterations.ReadInventoryAsync(job.ExperimentId, cancellationToken) : null;
        var options = OptionsFor(job.DockerfileText, inventory);
        var builtWith = dropped.Contains(ContextFilesOutRewrite.RewriteId) || inventory is null ? null : ContextFilesOutRewrite.ChangeFor(proof.SourceDockerfileText, inventory)?.After;
        builds.Sizes[ProofBuilds.Key(proof.SourceDockerfileText, null)] = await MeasureSourceAsync(proof, cancellationToken);
        foreach (var step in proof.Transformations.Where(t => t.Status == TransformationStatus.Pending))
        {
            var ablation = new Ablation(job, owner, request, proof.SourceDockerfileText, step.RewriteId, [.. ids.Except(dropped)], options);
            if (await MeasureAsync(ablation, builds, cancellationToken) is { } reason)
            {
                await suggestions.DropAsync(job.IterationId, owner, step.RewriteId, reason, cancellationToken);
                events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning, text: $"Transformation {step.RewriteId} was dropped: {reason}");
                dropped.Add(step.RewriteId);
            }
        }

        var kept = _rewriter.Suggest(proof.SourceDockerfileText, options, dropped);
        if (kept.Text == job.DockerfileText && kept.DockerIgnore == builtWith)
        {
            return (result, document);
        }

        await RemoveAsync([result], cancellationToken);
        if (!kept.HasChanges)
        {
            return (result with { Succeeded = false, ImageId = null, Error = "Every transformation of this suggestion broke the build, so nothing is left to suggest." }, document);
        }

        LogRebuilding(logger, job.IterationId, dropped);
        await suggestions.ReplaceDockerfileAsync(job.IterationId, owner, kept.Text, cancellationToken);
        await using var context = iterations.OpenContext(job, kept.Text, kept.DockerIgnore);
        var rebuilt = await gate.BuildAsync(request, context, new Progress<BuildEvent>(), cancellationToken);
        return (rebuilt, DockerfileParser.Parse(kept.Text, job.BuildArgs));
    }

    // The base images the suggestion names were on the engine (or allowed) when it was written: the ablations may use them.
    // The context's files and .dockerignore, when read, let the rewrite that edits the context apply as it did.
    private static DockerfileRewriteOptions OptionsFor(string suggestedText, ContextInventory? inventory) => new()
    {
        AllowedBaseImages = NetworkReach.ImagesOf(DockerfileParser.Parse(suggestedText)).Select(i => i.Image).ToHashSet(StringComparer.Ordinal),
        ContextFiles = inventory?.Files,
        DockerIgnore = inventory?.DockerIgnore,
    };

    private async Task<long> MeasureSourceAsync(SuggestionProof proof, CancellationToken cancellationToken) =>
        proof.SourceImageId is { } id && await engine.InspectImageAsync(id, cancellationToken) is { } image
            ? await SizeOfAsync(image, cancellationToken)
            : proof.SourceSizeBytes ?? throw new InvalidOperationException("the source iteration has no measured image to compare with.");

    // Builds the source with the one transformation (on top of what it is measured on); returns why it is dropped, or
    // null once its saving against the build of those alone is stored (its image then joins the kept ablations; a
    // failed build's leftovers are removed at once).
    private async Task<string?> MeasureAsync(Ablation step, ProofBuilds builds, CancellationToken cancellationToken)
    {
        var (job, owner, _, source, rewriteId, kept, options) = step;
        if (_rewriter.Ablate(source, rewriteId, kept, options) is not { } ablation)
        {
            return "applied to the source without the others, it changes nothing.";
        }

        var (baselineKey, ablationKey) = (ProofBuilds.Key(ablation.Baseline, ablation.BaselineDockerIgnore), ProofBuilds.Key(ablation.Text, ablation.DockerIgnore));
        if (!builds.Sizes.ContainsKey(baselineKey))
        {
            // Not one of the ablations: built only to be measured against, then removed.
            var baseline = await BuildAsync(step, ablation.Baseline, ablation.BaselineDockerIgnore, $"{rewriteId}-baseline", cancellationToken);
            try
            {
                if (!baseline.Succeeded || baseline.ImageId is null)
                {
                    return $"the build of {string.Join(" and ", ablation.BuiltWith)} alone, which it is measured on top of, failed: {EngineReason(job, baseline)}";
                }

                builds.Sizes[baselineKey] = await SizeOfAsync(baseline.ImageId, cancellationToken);
            }
            finally
            {
                if (!builds.Ablations.Values.Any(a => a.ImageId == baseline.ImageId))
                {
                    await RemoveAsync([baseline], CancellationToken.None);
                }
            }
        }

        var built = await BuildAsync(step, ablation.Text, ablation.DockerIgnore, rewriteId, cancellationToken);
        if (!built.Succeeded || built.ImageId is null)
        {
            await RemoveAsync([built], CancellationToken.None);
            return $"its own build failed: {EngineReason(job, built)}";
        }

        builds.Ablations[rewriteId] = built;
        builds.OnTopOf[rewriteId] = ablation.BuiltWith;
        builds.Sizes[ablationKey] = await SizeOfAsync(built.ImageId, cancellationToken);
        await suggestions.SetMeasuredAsync(job.IterationId, owner, rewriteId, builds.Sizes[baselineKey] - builds.Sizes[ablationKey], ablation.BuiltWith, cancellationToken);
        return null;
    }

    private async Task<BuildResult> BuildAsync(Ablation step, string dockerfile, string? dockerIgnore, string label, CancellationToken cancellationToken)
    {
        var request = step.Request with
        {
            Tags = [$"{(step.Request.Tags.Count > 0 ? step.Request.Tags[0] : "imagelab/ablation:latest")}-ablation-{label}"],
            Labels = new Dictionary<string, string>(step.Request.Labels) { ["imagelab.ablation"] = label },
        };
        await using var context = iterations.OpenContext(step.Job, dockerfile, dockerIgnore);
        return await gate.BuildAsync(request, context, new Progress<BuildEvent>(), cancellationToken);
    }

    // ImageLab's size, as the iterations' sizes are measured: the engine's on a graph driver, the layers' file bytes on the
    // containerd store (where the engine's Size is compressed content, and savings from it were not what the page says).
    private async Task<long> SizeOfAsync(string imageId, CancellationToken cancellationToken) =>
        await SizeOfAsync(await engine.InspectImageAsync(imageId, cancellationToken)
            ?? throw new InvalidOperationException($"the engine reported image {imageId} but cannot find it."), cancellationToken);

    private async Task<long> SizeOfAsync(ImageDetails image, CancellationToken cancellationToken) =>
        (await engine.DescribeAsync(cancellationToken)).ImageStore == ImageStoreKind.Containerd
            ? await layers.MeasureFileBytesAsync(image, cancellationToken)
            : image.SizeBytes;

    private static string EngineReason(BuildJob job, BuildResult built) =>
        built.Error is { } error ? PrintableText.Of(job.Secrets.Apply(error)) : "the engine gave no message.";

    // What one proof built: the ablations' images (kept for the check), what each was built on top of, and the size
    // of every Dockerfile measured, by text and .dockerignore (a prerequisite's own ablation is the baseline of what
    // builds on it; leaving files out of the context may not change the Dockerfile at all).
    private sealed class ProofBuilds
    {
        public static string Key(string dockerfile, string? dockerIgnore) => dockerIgnore is null ? dockerfile : $"{dockerfile}\0{dockerIgnore}";

        public Dictionary<string, BuildResult> Ablations { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, IReadOnlyList<string>> OnTopOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Sizes { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Ablation(
        BuildJob Job, string Owner, BuildRequest Request, string Source, string RewriteId, IReadOnlyList<string> Kept, DockerfileRewriteOptions Options);

    private Task RemoveAsync(IReadOnlyList<BuildResult> builds, CancellationToken cancellationToken) =>
        builds.Count == 0 ? Task.CompletedTask : gate.RemoveAsync(async cancel =>
        {
            foreach (var built in builds)
            {
                if (built.ImageId is { } id)
                {
                    await engine.RemoveImageAsync(id, cancel);
                }

                foreach (var stage in built.StageImageIds)
                {
                    await engine.RemoveUntaggedImageAsync(stage, cancel);
                }
            }
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggested iteration {IterationId} is rebuilt without the transformations that broke its build: {Dropped}.")]
    private static partial void LogRebuilding(ILogger logger, long iterationId, IReadOnlyList<string> dropped);
}
