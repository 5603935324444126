namespace ImageLab.Data.Queue;

/// <summary>
/// The durable build queue over the iterations table. The only place with database-specific SQL for
/// claiming work, so that another store can bring its own.
/// </summary>
public interface IBuildQueue
{
    /// <summary>
    /// Atomically takes the oldest queued iteration for <paramref name="owner"/> under a lease, marks it
    /// Building and counts the attempt; null when nothing waits.
    /// </summary>
    Task<long?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease; says whether it is still held and whether a cancel was asked for.</summary>
    Task<LeaseState> RenewLeaseAsync(long iterationId, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Requeues iterations whose lease expired (their worker died), or fails them once they have been
    /// tried <paramref name="maxAttempts"/> times; returns the iterations it changed. Leases of
    /// <paramref name="liveOwner"/> (the calling process, which knows its builds are alive) are left alone.
    /// </summary>
    Task<IReadOnlyList<ExpiredLease>> RecoverExpiredLeasesAsync(int maxAttempts, string liveOwner, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a claimed iteration back in the queue without counting the attempt (the engine was unreachable,
    /// or the app is stopping), with a sentence saying why it waits.
    /// </summary>
    Task ReleaseAsync(long iterationId, string owner, string reason, CancellationToken cancellationToken);
}
