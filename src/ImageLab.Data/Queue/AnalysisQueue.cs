using System.Linq.Expressions;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The layer-analysis queue over the <c>iteration_analyses</c> rows, beside the build queue and with a lease like it: a
/// build that succeeds queues its analysis in the same transaction (<see cref="Stores.IterationStore.CompleteAsync"/>),
/// analysis workers claim it, renew the lease while they work and complete it once the results are stored. A worker
/// that dies stops renewing: its analysis is claimed again as soon as the lease runs out. The same statements on every
/// store: a claim is a conditional update of one row, which only one claimer can win on PostgreSQL and SQLite alike.
/// </summary>
public sealed class AnalysisQueue(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Rows in the queue: Queued, or holding a lease time (first results stored, the push sizes still to come; or
    /// handed back by a stopping worker).
    /// </summary>
    internal static readonly Expression<Func<IterationAnalysis, bool>> InQueue =
        a => a.Status == AnalysisStatus.Queued || a.LeaseExpiresAt != null;

    /// <summary>Takes the oldest waiting analysis whose lease is free or ran out; null when none waits.</summary>
    public async Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var now = clock.GetUtcNow();
            var candidate = await Claimable(db, now).OrderBy(a => a.IterationId).Select(a => (long?)a.IterationId).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } iterationId)
            {
                return null;
            }

            // Another claimer that read the same row first wins it; this one then looks again.
            var expires = now + lease;
            var won = await Claimable(db, now).Where(a => a.IterationId == iterationId).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.LeaseOwner, owner)
                .SetProperty(a => a.LeaseExpiresAt, expires)
                .SetProperty(a => a.Attempt, a => a.Attempt + 1), cancellationToken);
            if (won == 1)
            {
                return iterationId;
            }
        }
    }

    /// <summary>Extends the lease; false when it is not held any more (it ran out and another worker took it).</summary>
    public async Task<bool> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expires = clock.GetUtcNow() + lease;
        return await db.IterationAnalyses.Where(a => a.IterationId == iterationId && a.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LeaseExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>Hands the analysis back (the app is stopping) so that the next worker takes it at once, without counting the attempt.</summary>
    public async Task ReleaseAsync(long iterationId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.IterationAnalyses.Where(a => a.IterationId == iterationId && a.LeaseOwner == owner).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LeaseOwner, (string?)null)
            .SetProperty(a => a.LeaseExpiresAt, now)
            .SetProperty(a => a.Attempt, a => a.Attempt > 0 ? a.Attempt - 1 : 0), cancellationToken);
    }

    /// <summary>Takes the analysis out of the queue once its outcome is stored; false when the lease was lost meanwhile.</summary>
    public async Task<bool> CompleteAsync(long iterationId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IterationAnalyses.Where(a => a.IterationId == iterationId && a.LeaseOwner == owner && a.Status != AnalysisStatus.Queued)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.LeaseOwner, (string?)null)
                .SetProperty(a => a.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    private static IQueryable<IterationAnalysis> Claimable(ImageLabDbContext db, DateTimeOffset now) =>
        db.IterationAnalyses.Where(InQueue).Where(a => a.LeaseExpiresAt == null || a.LeaseExpiresAt < now);
}
