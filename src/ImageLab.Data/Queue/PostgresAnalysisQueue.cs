using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The analysis queue on PostgreSQL, like the <see cref="PostgresBuildQueue"/>: <c>FOR UPDATE SKIP LOCKED</c> lets any
/// number of workers claim at once, and leases are stamped and compared on the database's clock (<c>now()</c> when the
/// statement runs), never on a worker's, which a starved CPU makes late and another machine may set differently.
/// </summary>
internal sealed class PostgresAnalysisQueue(IDbContextFactory<ImageLabDbContext> contexts) : AnalysisQueue(contexts)
{
    public override async Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        // The rows of InQueue whose lease is free or ran out, oldest first.
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Database.SqlQuery<long>($"""
            UPDATE iteration_analyses SET lease_owner = {owner}, lease_expires_at = now() + {lease}, attempt = attempt + 1
            WHERE iteration_id = (
                SELECT iteration_id FROM iteration_analyses
                WHERE (status = 'Queued' OR lease_expires_at IS NOT NULL) AND (lease_expires_at IS NULL OR lease_expires_at < now())
                ORDER BY iteration_id
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING iteration_id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    public override async Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Database.ExecuteSqlAsync($"""
            UPDATE iteration_analyses SET lease_expires_at = now() + {lease} WHERE iteration_id = {iterationId} AND lease_owner = {owner}
            """, cancellationToken);
        return renewed == 1 ? LeaseState.Held : LeaseState.Lost;
    }

    public override async Task ReleaseAsync(long iterationId, string owner, CancellationToken cancellationToken)
    {
        // A lease that ends now keeps the row in the queue, free for the next claim.
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE iteration_analyses SET lease_owner = NULL, lease_expires_at = now(), attempt = greatest(attempt - 1, 0)
            WHERE iteration_id = {iterationId} AND lease_owner = {owner}
            """, cancellationToken);
    }
}
