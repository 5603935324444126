using System.Runtime.CompilerServices;
using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The queue on PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c> lets any number of workers claim safely, in the
/// <see cref="FairClaimOrder"/>. Leases are stamped and compared on the database's clock (<c>now()</c> when the statement
/// runs): a worker's clock, read before a statement that waited for a starved CPU, shortened its lease by the wait, and the
/// workers' machines may disagree on the time.
/// </summary>
internal sealed class PostgresBuildQueue(IDbContextFactory<ImageLabDbContext> contexts) : IBuildQueue
{
    public async Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Database.SqlQuery<ClaimedRow>(FormattableStringFactory.Create($$"""
            UPDATE iterations SET status = 'Building', lease_owner = {0}, lease_expires_at = now() + {1},
                attempt = attempt + 1, started_at = now(), failure_reason = NULL
            WHERE id = (
                {{FairClaimOrder.ClaimableIterationsSql}}
                FOR UPDATE OF i SKIP LOCKED
                LIMIT 1)
            RETURNING id AS iteration_id, experiment_id
            """, owner, lease)).ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return null;
        }

        await ExperimentStatusUpdater.UpdateAsync(db, claimed[0].ExperimentId, cancellationToken);
        return claimed[0].IterationId;
    }

    public async Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cancelRequested = await db.Database.SqlQuery<bool>($"""
            UPDATE iterations SET lease_expires_at = now() + {lease}
            WHERE id = {iterationId} AND lease_owner = {owner} AND status IN ('Building', 'Measuring')
            RETURNING cancel_requested AS "Value"
            """).ToListAsync(cancellationToken);
        return cancelRequested.Count == 0 ? LeaseState.Lost
            : cancelRequested[0] ? LeaseState.CancelRequested
            : LeaseState.Held;
    }

    public async Task<IReadOnlyList<ExpiredLease>> RecoverExpiredLeasesAsync(int maxAttempts, string liveOwner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reason = $"The build was interrupted {maxAttempts} times (the worker building it stopped); ImageLab gave up on it.";
        var rows = await db.Database.SqlQuery<ExpiredRow>($"""
            UPDATE iterations SET
                status = CASE WHEN cancel_requested THEN 'Canceled' WHEN attempt >= {maxAttempts} THEN 'Failed' ELSE 'Queued' END,
                failure_reason = CASE WHEN cancel_requested THEN 'Cancelled.' WHEN attempt >= {maxAttempts} THEN {reason} ELSE NULL END,
                finished_at = CASE WHEN cancel_requested OR attempt >= {maxAttempts} THEN now() ELSE NULL END,
                lease_owner = NULL, lease_expires_at = NULL
            WHERE status IN ('Building', 'Measuring') AND lease_expires_at < now() AND lease_owner <> {liveOwner}
            RETURNING id AS iteration_id, experiment_id, status, attempt
            """).ToListAsync(cancellationToken);
        foreach (var experimentId in rows.Select(r => r.ExperimentId).Distinct())
        {
            await ExperimentStatusUpdater.UpdateAsync(db, experimentId, cancellationToken);
        }

        return rows.Select(r => new ExpiredLease(r.IterationId, r.ExperimentId, Enum.Parse<IterationStatus>(r.Status), r.Attempt)).ToList();
    }

    public Task ReleaseAsync(long iterationId, string owner, string reason, CancellationToken cancellationToken) =>
        LeaseRelease.ReleaseAsync(contexts, iterationId, owner, reason, cancellationToken);

    private sealed record ClaimedRow(long IterationId, long ExperimentId);

    private sealed record ExpiredRow(long IterationId, long ExperimentId, string Status, int Attempt);
}
