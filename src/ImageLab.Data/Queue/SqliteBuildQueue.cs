using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The queue on the embedded SQLite store. SQLite has one writer at a time and each operation here runs in a write
/// transaction (<c>BEGIN IMMEDIATE</c>, which takes the write lock before reading), so a claimer's read and update cannot
/// interleave with another's: no row is claimed twice, without <c>SKIP LOCKED</c>. Claims follow the <see cref="FairClaimOrder"/>;
/// leases are stamped and compared on the clock a <see cref="SqliteLeaseWrite"/> reads once it holds the write lock.
/// </summary>
internal sealed class SqliteBuildQueue(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock) : IBuildQueue
{
    public async Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var nextId = await db.Database.SqlQueryRaw<long>(FairClaimOrder.ClaimableIterationsSql + " LIMIT 1").ToListAsync(cancellationToken);
        if (nextId.Count == 0)
        {
            return null;
        }

        var next = await db.Iterations.Where(i => i.Id == nextId[0]).Select(i => new { i.Id, i.ExperimentId }).FirstAsync(cancellationToken);

        var expires = write.ExpiryOf(lease);
        await db.Iterations.Where(i => i.Id == next.Id).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.Status, IterationStatus.Building)
            .SetProperty(i => i.LeaseOwner, owner)
            .SetProperty(i => i.LeaseExpiresAt, expires)
            .SetProperty(i => i.Attempt, i => i.Attempt + 1)
            .SetProperty(i => i.StartedAt, write.Now)
            .SetProperty(i => i.FailureReason, (string?)null), cancellationToken);
        await ExperimentStatusUpdater.UpdateAsync(db, next.ExperimentId, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return next.Id;
    }

    public async Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var expires = write.ExpiryOf(lease);
        var renewed = await db.Iterations
            .Where(i => i.Id == iterationId && i.LeaseOwner == owner && (i.Status == IterationStatus.Building || i.Status == IterationStatus.Measuring))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.LeaseExpiresAt, expires), cancellationToken);
        if (renewed == 0)
        {
            return LeaseState.Lost;
        }

        var cancelRequested = await db.Iterations.Where(i => i.Id == iterationId).Select(i => i.CancelRequested).FirstAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return cancelRequested ? LeaseState.CancelRequested : LeaseState.Held;
    }

    public async Task<IReadOnlyList<ExpiredLease>> RecoverExpiredLeasesAsync(int maxAttempts, string liveOwner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var now = write.Now;
        var expired = await db.Iterations
            .Where(i => (i.Status == IterationStatus.Building || i.Status == IterationStatus.Measuring)
                && i.LeaseExpiresAt < now && i.LeaseOwner != null && i.LeaseOwner != liveOwner)
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return [];
        }

        var reason = $"The build was interrupted {maxAttempts} times (the worker building it stopped); ImageLab gave up on it.";
        foreach (var iteration in expired)
        {
            (iteration.Status, iteration.FailureReason, iteration.FinishedAt) = iteration switch
            {
                { CancelRequested: true } => (IterationStatus.Canceled, "Cancelled.", now),
                _ when iteration.Attempt >= maxAttempts => (IterationStatus.Failed, reason, now),
                _ => (IterationStatus.Queued, (string?)null, (DateTimeOffset?)null),
            };
            iteration.LeaseOwner = null;
            iteration.LeaseExpiresAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var experimentId in expired.Select(i => i.ExperimentId).Distinct())
        {
            await ExperimentStatusUpdater.UpdateAsync(db, experimentId, cancellationToken);
        }

        await write.CommitAsync(cancellationToken);
        return expired.Select(i => new ExpiredLease(i.Id, i.ExperimentId, i.Status, i.Attempt)).ToList();
    }

    public Task ReleaseAsync(long iterationId, string owner, string reason, CancellationToken cancellationToken) =>
        LeaseRelease.ReleaseAsync(contexts, iterationId, owner, reason, cancellationToken);
}
