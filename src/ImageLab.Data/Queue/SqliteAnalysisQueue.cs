using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The analysis queue on the embedded SQLite store, like the <see cref="SqliteBuildQueue"/>: each operation is one
/// <see cref="SqliteLeaseWrite"/>, which holds the store's one write lock (so no analysis is claimed twice) and stamps and
/// compares leases on the process's clock, read once the lock is held.
/// </summary>
internal sealed class SqliteAnalysisQueue(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock) : AnalysisQueue(contexts)
{
    public override async Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var now = write.Now;
        var next = await db.IterationAnalyses.Where(InQueue).Where(a => a.LeaseExpiresAt == null || a.LeaseExpiresAt < now)
            .OrderBy(a => a.IterationId).Select(a => (long?)a.IterationId).FirstOrDefaultAsync(cancellationToken);
        if (next is not { } iterationId)
        {
            return null;
        }

        var expires = write.ExpiryOf(lease);
        await db.IterationAnalyses.Where(a => a.IterationId == iterationId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LeaseOwner, owner)
            .SetProperty(a => a.LeaseExpiresAt, expires)
            .SetProperty(a => a.Attempt, a => a.Attempt + 1), cancellationToken);
        await write.CommitAsync(cancellationToken);
        return iterationId;
    }

    public override async Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var expires = write.ExpiryOf(lease);
        var renewed = await Leased(db, iterationId, owner).ExecuteUpdateAsync(set => set.SetProperty(a => a.LeaseExpiresAt, expires), cancellationToken);
        await write.CommitAsync(cancellationToken);
        return renewed == 1 ? LeaseState.Held : LeaseState.Lost;
    }

    public override async Task ReleaseAsync(long iterationId, string owner, CancellationToken cancellationToken)
    {
        // A lease that ends now keeps the row in the queue, free for the next claim.
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        await using var write = await SqliteLeaseWrite.BeginAsync(db, clock, cancellationToken);
        var now = write.Now;
        await Leased(db, iterationId, owner).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LeaseOwner, (string?)null)
            .SetProperty(a => a.LeaseExpiresAt, now)
            .SetProperty(a => a.Attempt, a => a.Attempt > 0 ? a.Attempt - 1 : 0), cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private static IQueryable<IterationAnalysis> Leased(ImageLabDbContext db, long iterationId, string owner) =>
        db.IterationAnalyses.Where(a => a.IterationId == iterationId && a.LeaseOwner == owner);
}
