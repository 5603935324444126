using System.Linq.Expressions;
using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>
/// The retention sweep's writes, one batch of experiments per transaction. Only finished experiments are touched;
/// iterations, layers, the analyses' totals and the experiment's numbers are never removed.
/// </summary>
public sealed class RetentionStore(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock)
{
    private static readonly ExperimentStatus[] Finished = [ExperimentStatus.Succeeded, ExperimentStatus.Failed, ExperimentStatus.Canceled];

    /// <summary>
    /// Removes the build contexts of up to <paramref name="batchSize"/> finished experiments that are not among the newest
    /// <paramref name="keepPerProject"/> of their project; returns how many experiments it cleared.
    /// </summary>
    public async Task<int> RemoveContextsAsync(int keepPerProject, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await PastTheNewestAsync(db, keepPerProject, batchSize, e => e.ContextRemovedAt == null, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ContextChunks.Where(c => ids.Contains(c.ExperimentId)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Experiments.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(set => set.SetProperty(e => e.ContextRemovedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>
    /// Removes the layer analyses' files, waste findings and package data of up to <paramref name="batchSize"/> finished
    /// experiments that are not among the newest <paramref name="keepPerProject"/> of their project: the iterations'
    /// analyzed layers, and the shared layer rows (file lists, package databases) no other analysis uses. The analyses'
    /// totals (push size, efficiency, wasted bytes) stay. Returns how many experiments it cleared.
    /// </summary>
    public async Task<int> RemoveAnalysesAsync(int keepPerProject, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await PastTheNewestAsync(db, keepPerProject, batchSize, e => e.AnalysesRemovedAt == null, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var iterations = db.Iterations.Where(i => ids.Contains(i.ExperimentId)).Select(i => i.Id);
        var layers = await db.IterationAnalysisLayers.Where(l => iterations.Contains(l.IterationId))
            .Select(l => l.DiffId).Distinct().ToListAsync(cancellationToken);
        await db.IterationAnalysisLayers.Where(l => iterations.Contains(l.IterationId)).ExecuteDeleteAsync(cancellationToken);
        await db.IterationAnalyses.Where(a => iterations.Contains(a.IterationId))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.FindingsJson, "[]").SetProperty(a => a.WarningsJson, "[]"), cancellationToken);

        // A layer still used by a kept analysis stays. (An analysis storing a new reference to one removed here fails on the
        // foreign key and runs again; the window is the few milliseconds of this transaction, once a night.)
        var unused = db.AnalyzedLayers.Where(a => layers.Contains(a.DiffId) && !db.IterationAnalysisLayers.Any(l => l.DiffId == a.DiffId))
            .Select(a => a.DiffId);
        await db.LayerAnalysisAliases.Where(a => unused.Contains(a.DiffId)).ExecuteDeleteAsync(cancellationToken);
        await db.AnalyzedLayers.Where(a => unused.Contains(a.DiffId)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Experiments.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(set => set.SetProperty(e => e.AnalysesRemovedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    // Up to batchSize finished experiments, oldest first, that are not among the newest keepPerProject of their project and
    // still hold what is being removed.
    private static async Task<List<long>> PastTheNewestAsync(
        ImageLabDbContext db, int keepPerProject, int batchSize, Expression<Func<Experiment, bool>> notYetRemoved, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var project in await db.Projects.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken))
        {
            // The oldest experiment the project keeps; everything finished before it goes.
            var oldestKept = await db.Experiments.AsNoTracking().Where(e => e.ProjectId == project)
                .OrderByDescending(e => e.Id).Skip(keepPerProject - 1).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (oldestKept is { } oldest)
            {
                ids.AddRange(await db.Experiments.AsNoTracking()
                    .Where(e => e.ProjectId == project && e.Id < oldest && Finished.Contains(e.Status))
                    .Where(notYetRemoved)
                    .OrderBy(e => e.Id).Select(e => e.Id).Take(batchSize - ids.Count).ToListAsync(cancellationToken));
            }

            if (ids.Count == batchSize)
            {
                break;
            }
        }

        return ids;
    }

    /// <summary>
    /// Replaces the events (log lines, steps, statuses) of up to <paramref name="batchSize"/> finished experiments submitted
    /// before <paramref name="submittedBefore"/> with one log line per iteration, <paramref name="note"/>, which says so;
    /// returns how many experiments it cleared.
    /// </summary>
    public async Task<int> RemoveLogsAsync(DateTimeOffset submittedBefore, string note, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Experiments.AsNoTracking()
            .Where(e => e.LogsRemovedAt == null && Finished.Contains(e.Status) && e.CreatedAt < submittedBefore)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Events.Where(e => ids.Contains(e.ExperimentId)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var iterations = await db.Iterations.AsNoTracking().Where(i => ids.Contains(i.ExperimentId))
            .Select(i => new { i.Id, i.ExperimentId }).ToListAsync(cancellationToken);
        db.Events.AddRange(iterations.Select(i => new ExperimentEvent
        {
            ExperimentId = i.ExperimentId, IterationId = i.Id, Type = BuildEventType.Log, At = now, Text = note,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await db.Experiments.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(set => set.SetProperty(e => e.LogsRemovedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }
}
