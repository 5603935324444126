using ImageLab.Core.BuildContexts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>
/// The worker's writes to one iteration. Every write checks that the worker still holds the lease, so a
/// worker that lost its iteration (it expired and was requeued) cannot overwrite the new attempt.
/// </summary>
public sealed class IterationStore(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock)
{
    public async Task<BuildJob?> GetJobAsync(long iterationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Iterations.AsNoTracking()
            .Where(i => i.Id == iterationId)
            .Select(i => new BuildJob(
                i.Id, i.ExperimentId, i.Experiment!.Name, i.Experiment.Project!.Name, i.Ordinal, i.Name,
                i.DockerfilePath, i.DockerfileText, i.Builder, i.Experiment.BuildArgs, i.Attempt)
            {
                SecretBuildArgs = i.Experiment.SecretBuildArgs,
                RequestsNetwork = i.Experiment.RequestsNetwork,
                SubmittedBy = i.Experiment.SubmittedBy,
                QueuedAt = i.QueuedAt,
                TraceParent = i.TraceParent,
                SuggestedFromId = i.SuggestedFromId,
            })
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The experiment's build context as stored, read chunk by chunk.</summary>
    public Stream OpenContext(long experimentId) => new ContextChunkStream(contexts, experimentId);

    /// <summary>
    /// The context the job builds from: the experiment's as stored, with the job's Dockerfile at its path for a suggested
    /// iteration (whose Dockerfile ImageLab wrote) or <paramref name="dockerfileText"/> when given (an ablation build),
    /// and, when <paramref name="dockerIgnoreText"/> is given, that <c>.dockerignore</c> in it and applied to it.
    /// </summary>
    public Stream OpenContext(BuildJob job, string? dockerfileText = null, string? dockerIgnoreText = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.SuggestedFromId is null && dockerfileText is null && dockerIgnoreText is null
            ? OpenContext(job.ExperimentId)
            : ContextDockerfileReplacer.Replace(OpenContext(job.ExperimentId), job.DockerfilePath, dockerfileText ?? job.DockerfileText, dockerIgnoreText, CancellationToken.None);
    }

    /// <summary>The experiment's stored context's files and <c>.dockerignore</c> (the whole context is read once).</summary>
    public async Task<ContextInventory> ReadInventoryAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var context = OpenContext(experimentId);
        return await ContextInventory.ReadAsync(context, cancellationToken);
    }

    public async Task<bool> SetStatusAsync(long iterationId, string owner, IterationStatus status, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var iteration = await db.Iterations.FirstOrDefaultAsync(i => i.Id == iterationId && i.LeaseOwner == owner, cancellationToken);
        if (iteration is null)
        {
            return false;
        }

        iteration.Status = status;
        iteration.FailureReason = reason;
        if (status.IsFinal())
        {
            iteration.FinishedAt = clock.GetUtcNow();
            iteration.LeaseOwner = null;
            iteration.LeaseExpiresAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await ExperimentStatusUpdater.UpdateAsync(db, iteration.ExperimentId, cancellationToken);
        return true;
    }

    public async Task UpdateStepsAsync(long iterationId, string owner, int totalSteps, int completedSteps, int cachedSteps, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Iterations.Where(i => i.Id == iterationId && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.TotalSteps, totalSteps)
                .SetProperty(i => i.CompletedSteps, completedSteps)
                .SetProperty(i => i.CachedSteps, cachedSteps), cancellationToken);
    }

    // Short ids of 12 characters and a space each fit the column's 2,000 characters.
    private const int MaxStageImages = 150;

    /// <summary>
    /// Stores the measurements and marks the iteration Succeeded and, with <paramref name="queueAnalysis"/>, puts its layer
    /// analysis in the <see cref="Queue.AnalysisQueue"/>, in one transaction (so a kill cannot leave a built iteration
    /// that nothing will analyze).
    /// </summary>
    public async Task<bool> CompleteAsync(long iterationId, string owner, IterationMeasurement measurement, bool queueAnalysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var iteration = await db.Iterations.Include(i => i.Layers)
            .FirstOrDefaultAsync(i => i.Id == iterationId && i.LeaseOwner == owner, cancellationToken);
        if (iteration is null)
        {
            return false;
        }

        iteration.ImageId = measurement.ImageId;
        iteration.ImageTag = measurement.ImageTag;
        iteration.SizeBytes = measurement.SizeBytes;
        iteration.BuildSeconds = measurement.BuildSeconds;
        iteration.TotalSteps = measurement.TotalSteps;
        iteration.CompletedSteps = measurement.TotalSteps;
        iteration.CachedSteps = measurement.CachedSteps;
        iteration.Engine = measurement.Engine;
        iteration.EngineVersion = measurement.EngineDetails?.Version;
        iteration.EngineApiVersion = measurement.EngineDetails?.ApiVersion;
        iteration.StorageDriver = measurement.EngineDetails?.StorageDriver;
        iteration.ImageStore = measurement.EngineDetails?.ImageStore;
        iteration.StageImageIds = measurement.StageImageIds is { Count: > 0 } stages ? string.Join(' ', stages.Take(MaxStageImages)) : null;
        iteration.Status = IterationStatus.Succeeded;
        iteration.FailureReason = null;
        iteration.FinishedAt = clock.GetUtcNow();
        iteration.LeaseOwner = null;
        iteration.LeaseExpiresAt = null;
        iteration.Layers.Clear();
        iteration.Layers.AddRange(measurement.Layers.Select(l => new Layer
        {
            Index = l.Index,
            HistoryId = l.HistoryId,
            CreatedBy = l.CreatedBy,
            SizeBytes = l.SizeBytes,
            CreatedAt = l.CreatedAt,
            Comment = l.Comment,
            EmptyLayer = l.EmptyLayer,
            FromBaseImage = l.FromBaseImage,
            Instruction = l.Instruction,
            Line = l.Line,
        }));
        await db.IterationAnalysisLayers.Where(l => l.IterationId == iterationId).ExecuteDeleteAsync(cancellationToken);
        await db.IterationAnalyses.Where(a => a.IterationId == iterationId).ExecuteDeleteAsync(cancellationToken);
        if (queueAnalysis)
        {
            db.IterationAnalyses.Add(new IterationAnalysis { IterationId = iterationId, Status = AnalysisStatus.Queued, AnalyzedAt = iteration.FinishedAt.Value });
        }

        await db.SaveChangesAsync(cancellationToken);
        await ExperimentStatusUpdater.UpdateAsync(db, iteration.ExperimentId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Image tags of experiments older than the newest <paramref name="keep"/>, whose images are still on the engine and
    /// whose layer analyses have all ended (an analysis in the queue still needs its image).
    /// </summary>
    public async Task<IReadOnlyList<ExpiredImages>> FindExpiredImagesAsync(int keep, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.Experiments.AsNoTracking()
            .Where(e => !e.ImagesRemoved && e.Status != ExperimentStatus.Queued && e.Status != ExperimentStatus.Running)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(keep)
            .Where(e => !db.IterationAnalyses.Where(Queue.AnalysisQueue.InQueue).Any(a => e.Iterations.Any(i => i.Id == a.IterationId)))
            .Select(e => new
            {
                e.Id,
                Images = e.Iterations.Where(i => i.ImageTag != null && i.ImageId != null).Select(i => new { Tag = i.ImageTag!, Id = i.ImageId! }).ToList(),
                Stages = e.Iterations.Where(i => i.StageImageIds != null).Select(i => i.StageImageIds!).ToList(),
            })
            .Take(100)
            .ToListAsync(cancellationToken);
        return expired.Select(e => new ExpiredImages(
            e.Id, [.. e.Images.Select(i => new TaggedImage(i.Tag, i.Id))], [.. e.Stages.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)])).ToList();
    }

    public async Task MarkImagesRemovedAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Experiments.Where(e => e.Id == experimentId).ExecuteUpdateAsync(set => set.SetProperty(e => e.ImagesRemoved, true), cancellationToken);
    }
}
