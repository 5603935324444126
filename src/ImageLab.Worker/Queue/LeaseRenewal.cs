using ImageLab.Data.Queue;

namespace ImageLab.Worker.Queue;

/// <summary>
/// Keeps a claimed lease, a build's or an analysis's, from the claim until it is disposed: renews it every third of the
/// lease (at most every 2 s), so that two renewals can fail (the database restarting) before it runs out. Started before
/// anything else is read: a just-started worker on a starved CPU spent most of a 30 s lease reading its job and compiling
/// its first queries before its first renewal, and the work passed to another worker while this one did it
/// (bench/claim-scale.sh at load 90). A lease found lost cancels <see cref="Lost"/> and ends the renewals.
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _renewals;

    private LeaseRenewal(
        TimeSpan lease, Func<CancellationToken, Task<LeaseState>> renew, Func<Task>? cancelRequested, Action<Exception> renewalFailed, CancellationToken stopping)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _renewals = RenewAsync(IntervalFor(lease), renew, cancelRequested, renewalFailed, _stop.Token);
    }

    /// <summary>Canceled once a renewal finds the lease taken by another worker: stop without writing.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>
    /// Starts renewing: <paramref name="renew"/> extends the lease; <paramref name="cancelRequested"/>, if any, runs when a
    /// renewal answers <see cref="LeaseState.CancelRequested"/>; <paramref name="renewalFailed"/> hears of a renewal that
    /// threw (the next one tries again). Renewals stop with <paramref name="stopping"/>, a lost lease, or
    /// <see cref="DisposeAsync"/>.
    /// </summary>
    public static LeaseRenewal Start(
        TimeSpan lease,
        Func<CancellationToken, Task<LeaseState>> renew,
        Func<Task>? cancelRequested,
        Action<Exception> renewalFailed,
        CancellationToken stopping) =>
        new(lease, renew, cancelRequested, renewalFailed, stopping);

    /// <summary>How often a lease of <paramref name="lease"/> is renewed.</summary>
    public static TimeSpan IntervalFor(TimeSpan lease) => lease / 3 < MaxInterval ? lease / 3 : MaxInterval;

    /// <summary>Stops renewing and waits for a renewal under way to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(
        TimeSpan interval, Func<CancellationToken, Task<LeaseState>> renew, Func<Task>? cancelRequested, Action<Exception> renewalFailed, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval, cancellationToken);
                try
                {
                    var state = await renew(cancellationToken);
                    if (state == LeaseState.CancelRequested && cancelRequested is not null)
                    {
                        await cancelRequested();
                    }
                    else if (state == LeaseState.Lost)
                    {
                        await _lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    renewalFailed(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
