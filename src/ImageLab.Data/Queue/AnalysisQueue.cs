using System.Linq.Expressions;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Queue;

/// <summary>
/// The layer-analysis queue over the <c>iteration_analyses</c> rows, beside the build queue and with a lease like it: a
/// build that succeeds queues its analysis in the same transaction (<see cref="Stores.IterationStore.CompleteAsync"/>),
/// analysis workers claim it, renew the lease while they work and complete it once the results are stored. A worker
/// that dies stops renewing: its analysis is claimed again as soon as the lease runs out (the claim is the sweep). Each
/// store brings its claim, renewal and release, with leases on the same clocks as its build queue's:
/// <see cref="PostgresAnalysisQueue"/> and <see cref="SqliteAnalysisQueue"/>.
/// </summary>
public abstract class AnalysisQueue
{
    /// <summary>
    /// Rows in the queue: Queued, or holding a lease time (first results stored, the push sizes still to come; or
    /// handed back by a stopping worker).
    /// </summary>
    internal static readonly Expression<Func<IterationAnalysis, bool>> InQueue =
        a => a.Status == AnalysisStatus.Queued || a.LeaseExpiresAt != null;

    private protected AnalysisQueue(IDbContextFactory<ImageLabDbContext> contexts) => Contexts = contexts;

    private protected IDbContextFactory<ImageLabDbContext> Contexts { get; }

    /// <summary>Takes the oldest waiting analysis whose lease is free or ran out; null when none waits.</summary>
    public abstract Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease to <paramref name="lease"/> from now: <see cref="LeaseState.Held"/>, or <see cref="LeaseState.Lost"/>
    /// when it is not held any more (it ran out and another worker took it).
    /// </summary>
    public abstract Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Hands the analysis back (the app is stopping) so that the next worker takes it at once, without counting the attempt.</summary>
    public abstract Task ReleaseAsync(long iterationId, string owner, CancellationToken cancellationToken);

    /// <summary>Takes the analysis out of the queue once its outcome is stored; false when the lease was lost meanwhile.</summary>
    public async Task<bool> CompleteAsync(long iterationId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        return await db.IterationAnalyses.Where(a => a.IterationId == iterationId && a.LeaseOwner == owner && a.Status != AnalysisStatus.Queued)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.LeaseOwner, (string?)null)
                .SetProperty(a => a.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }
}
