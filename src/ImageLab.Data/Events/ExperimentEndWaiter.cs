using System.Threading.Channels;
using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Events;

/// <summary>
/// Waits on the live events for an experiment to end (every iteration Succeeded, Failed or Canceled), so that a caller
/// who wants the result in one answer (a CI job's submit-and-wait) hears it the moment it is stored instead of polling.
/// </summary>
public sealed class ExperimentEndWaiter(BuildEventBroker broker, IDbContextFactory<ImageLabDbContext> contexts)
{
    /// <summary>The longest wait one request may ask for.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The experiment's status once it has ended, or as it stands when <paramref name="wait"/> runs out;
    /// <see langword="null"/> when there is no such experiment.
    /// </summary>
    public async Task<ExperimentStatus?> WaitAsync(long experimentId, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(wait);
        // The broker lets a watcher go when its token is cancelled (not when the source is disposed): this one is
        // cancelled on the way out, whatever ends the wait, and the removal is done once the cancellation returns.
        using var subscription = new CancellationTokenSource();
        ExperimentStatus? status = null;
        try
        {
            // Subscribed before the status is read, so that an iteration ending in between is heard.
            var events = broker.Subscribe(experimentId, subscription.Token);
            while (true)
            {
                status = await ReadStatusAsync(experimentId, waiting.Token);
                if (status is not { } current || current.IsFinal())
                {
                    return status;
                }

                if (!await HeardAnIterationEndAsync(events, waiting.Token))
                {
                    // The broker dropped this watcher for falling behind: a new one, then the status read afresh.
                    events = broker.Subscribe(experimentId, subscription.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return status;
        }
        finally
        {
            await subscription.CancelAsync();
        }
    }

    // True when an iteration of the experiment ended; false when the broker dropped the watcher for falling behind.
    private static async Task<bool> HeardAnIterationEndAsync(ChannelReader<BuildEventMessage> events, CancellationToken cancellationToken)
    {
        try
        {
            while (await events.WaitToReadAsync(cancellationToken))
            {
                while (events.TryRead(out var message))
                {
                    if (message is { Type: BuildEventType.Status, Status: { } status } && status.IsFinal())
                    {
                        return true;
                    }
                }
            }
        }
        catch (WatcherOverflowException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    private async Task<ExperimentStatus?> ReadStatusAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.Where(e => e.Id == experimentId).Select(e => (ExperimentStatus?)e.Status).FirstOrDefaultAsync(cancellationToken);
    }
}
