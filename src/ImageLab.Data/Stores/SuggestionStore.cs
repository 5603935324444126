using ImageLab.Core.BuildContexts;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>
/// Suggested iterations: appending one to its source's experiment (queued like any other), and the worker's writes
/// while it proves it (each checks the lease first, as every worker write does).
/// </summary>
public sealed class SuggestionStore(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock, IEnumerable<IExperimentObserver> observers)
{
    /// <summary>The longest reason stored for a dropped transformation; the engine's message is cut to it.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The longest check output stored per image; the run's output is cut to it.</summary>
    public const int MaxCheckOutputLength = 4000;

    /// <summary>Appends the suggestion to the source's experiment as its next iteration, queued; returns its id.</summary>
    public async Task<long> AddAsync(long sourceIterationId, DockerfileSuggestion suggestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = await db.Iterations.AsNoTracking().FirstAsync(i => i.Id == sourceIterationId, cancellationToken);
        var ordinal = await db.Iterations.Where(i => i.ExperimentId == source.ExperimentId).MaxAsync(i => i.Ordinal, cancellationToken) + 1;
        var suffix = " suggested";
        var hasCheck = await db.Experiments.Where(e => e.Id == source.ExperimentId).Select(e => e.CheckCommand.Count > 0).FirstAsync(cancellationToken);
        var iteration = new Iteration
        {
            ExperimentId = source.ExperimentId,
            Ordinal = ordinal,
            Name = source.Name[..Math.Min(source.Name.Length, SubmissionRules.MaxProjectOrIterationNameLength - suffix.Length)] + suffix,
            DockerfilePath = source.DockerfilePath,
            DockerfileText = suggestion.Text,
            Builder = source.Builder,
            Status = IterationStatus.Queued,
            QueuedAt = clock.GetUtcNow(),
            SuggestedFromId = source.Id,
            CheckStatus = hasCheck ? SuggestionCheckStatus.Waiting : SuggestionCheckStatus.NotRun,
            Transformations = [.. suggestion.Transformations.Select((t, position) => new SuggestedTransformation
            {
                Position = position,
                RewriteId = t.Id,
                Title = t.Title,
                Line = t.Line,
                Status = TransformationStatus.Pending,
            })],
        };
        db.Iterations.Add(iteration);
        await db.SaveChangesAsync(cancellationToken);

        // Announced at once: a worker may claim the new iteration from now on, and watchers should hear it was queued
        // before its first build event (the experiment's status, a further round trip, can follow).
        foreach (var observer in observers)
        {
            observer.IterationAppended(source.ExperimentId, iteration.Id);
        }

        await ExperimentStatusUpdater.UpdateAsync(db, source.ExperimentId, cancellationToken);
        return iteration.Id;
    }

    /// <summary>The source and transformations of a suggested iteration; null when it is not one.</summary>
    public async Task<SuggestionProof?> GetProofAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var suggested = await db.Iterations.AsNoTracking().Include(i => i.Transformations)
            .FirstOrDefaultAsync(i => i.Id == iterationId && i.SuggestedFromId != null, cancellationToken);
        if (suggested is null)
        {
            return null;
        }

        var source = await db.Iterations.AsNoTracking().FirstAsync(i => i.Id == suggested.SuggestedFromId, cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().FirstAsync(e => e.Id == suggested.ExperimentId, cancellationToken);
        return new SuggestionProof(
            source.DockerfileText,
            source.ImageId,
            source.SizeBytes,
            [.. suggested.Transformations.OrderBy(t => t.Position).Select(t => new SuggestionProofStep(t.RewriteId, t.Status))],
            experiment.CheckCommand.Count == 0 ? null : new CheckCommand(experiment.CheckCommand, experiment.CheckExpect));
    }

    /// <summary>
    /// What the suggested iteration does to its context's <c>.dockerignore</c>: null when it is not a suggestion, or has no
    /// <c>context-files-out</c> transformation that is still in it (not dropped). Reads the stored context once.
    /// </summary>
    public async Task<DockerIgnoreChange?> GetDockerIgnoreChangeAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var suggested = await db.Iterations.AsNoTracking()
            .Where(i => i.Id == iterationId && i.SuggestedFromId != null
                && i.Transformations.Any(t => t.RewriteId == ContextFilesOutRewrite.RewriteId && t.Status != TransformationStatus.Dropped))
            .Select(i => new { i.ExperimentId, i.SuggestedFromId })
            .FirstOrDefaultAsync(cancellationToken);
        if (suggested is null)
        {
            return null;
        }

        var source = await db.Iterations.Where(i => i.Id == suggested.SuggestedFromId).Select(i => i.DockerfileText).FirstAsync(cancellationToken);
        await using var context = new ContextChunkStream(contexts, suggested.ExperimentId);
        return ContextFilesOutRewrite.ChangeFor(source, await ContextInventory.ReadAsync(context, cancellationToken));
    }

    /// <summary>
    /// Records what the transformation's ablation build saved on top of <paramref name="onTopOf"/> (the transformations
    /// it was built with; empty for the source alone); false when the lease is no longer the worker's.
    /// </summary>
    public Task<bool> SetMeasuredAsync(long iterationId, string owner, string rewriteId, long savedBytes, IReadOnlyList<string> onTopOf, CancellationToken cancellationToken) =>
        UpdateAsync(iterationId, owner, rewriteId, TransformationStatus.Measured, savedBytes, null, [.. onTopOf], cancellationToken);

    /// <summary>Marks the transformation dropped with the engine's reason; false when the lease is no longer the worker's.</summary>
    public Task<bool> DropAsync(long iterationId, string owner, string rewriteId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(iterationId, owner, rewriteId, TransformationStatus.Dropped, null, reason, [], cancellationToken);

    /// <summary>Stores the Dockerfile the suggestion was rebuilt from (without its dropped transformations).</summary>
    public async Task<bool> ReplaceDockerfileAsync(long iterationId, string owner, string dockerfileText, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Iterations.Where(i => i.Id == iterationId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DockerfileText, dockerfileText), cancellationToken) > 0;
    }

    /// <summary>
    /// Records the check's result: its status, each image's output and the reason (cut to their columns), and which
    /// transformations fail it alone; false when the lease is no longer the worker's.
    /// </summary>
    public async Task<bool> SetCheckAsync(long iterationId, string owner, SuggestionCheckOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var sourceOutput = Bounded(outcome.SourceOutput, MaxCheckOutputLength);
        var suggestedOutput = Bounded(outcome.SuggestedOutput, MaxCheckOutputLength);
        var reason = Bounded(outcome.Reason, MaxReasonLength);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Iterations.Where(i => i.Id == iterationId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                set => set.SetProperty(i => i.CheckStatus, outcome.Status)
                    .SetProperty(i => i.CheckSourceOutput, sourceOutput)
                    .SetProperty(i => i.CheckSuggestedOutput, suggestedOutput)
                    .SetProperty(i => i.CheckReason, reason),
                cancellationToken) > 0;
        if (updated && outcome.FailingTransformations.Count > 0)
        {
            var failing = outcome.FailingTransformations.ToList();
            await db.Set<SuggestedTransformation>().Where(t => t.IterationId == iterationId && failing.Contains(t.RewriteId))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.FailsCheck, true), cancellationToken);
        }

        return updated;
    }

    private static string? Bounded(string? text, int maxLength) =>
        text is { Length: var length } && length > maxLength ? text[..(maxLength - 3)] + "..." : text;

    private async Task<bool> UpdateAsync(
        long iterationId, string owner, string rewriteId, TransformationStatus status, long? savedBytes, string? reason, List<string> onTopOf, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Iterations.AnyAsync(i => i.Id == iterationId && i.LeaseOwner == owner, cancellationToken))
        {
            return false;
        }

        var bounded = Bounded(reason, MaxReasonLength);
        await db.Set<SuggestedTransformation>().Where(t => t.IterationId == iterationId && t.RewriteId == rewriteId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.Status, status).SetProperty(t => t.SavedBytes, savedBytes).SetProperty(t => t.Reason, bounded).SetProperty(t => t.OnTopOf, onTopOf),
                cancellationToken);
        return true;
    }
}
