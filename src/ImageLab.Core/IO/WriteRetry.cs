namespace ImageLab.Core.IO;

/// <summary>
/// The one way ImageLab retries a write that must land while the database restarts: after each failure (cancellation
/// aside) it reports the failure and waits, the wait doubling from <paramref name="FirstWait"/> up to
/// <paramref name="LongestWait"/>, on the injected clock; once <paramref name="GiveUpAfter"/> has passed since the first
/// attempt, the next failure is thrown (<see cref="Timeout.InfiniteTimeSpan"/>: never).
/// </summary>
public sealed record WriteRetry(TimeSpan FirstWait, TimeSpan LongestWait, TimeSpan GiveUpAfter)
{
    /// <summary>Runs <paramref name="write"/> until it succeeds or the time to give up has come.</summary>
    /// <param name="write">The write; it is run again as it is after a failure.</param>
    /// <param name="clock">The clock that measures the waits and the time to give up.</param>
    /// <param name="failed">Told of each failure that is retried (to log it).</param>
    /// <param name="cancellationToken">Ends the waiting between attempts.</param>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, TimeProvider clock, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(failed);
        var giveUpAt = GiveUpAfter == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + GiveUpAfter;
        var wait = FirstWait;
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (e is not OperationCanceledException && clock.GetUtcNow() < giveUpAt)
            {
                failed(e);
                await Task.Delay(wait, clock, cancellationToken);
                wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
            }
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, TimeProvider, Action{Exception}, CancellationToken)"/>
    public Task RunAsync(Func<Task> write, TimeProvider clock, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return RunAsync(async () =>
        {
            await write();
            return true;
        }, clock, failed, cancellationToken);
    }
}
