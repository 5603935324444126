using System.Collections.Concurrent;
using ImageLab.Data.Notifications;
using ImageLab.Data.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageLab.Data.Events;

/// <summary>
/// Passes events that other processes stored to this process's broker, so that a web instance streams
/// builds run by any worker. It reads the store only for experiments someone here watches, and skips
/// batches this process wrote itself (its writer has already published them).
/// </summary>
public sealed partial class CrossProcessEventRelay(
    IEventNotifier notifier, EventStore store, BuildEventBroker broker, ILogger<CrossProcessEventRelay> logger) : BackgroundService
{
    private const int ReadPage = 1000;

    // The last sequence relayed per watched experiment: a later batch is read from there, so that
    // nothing is skipped even when announcements were missed.
    private readonly ConcurrentDictionary<long, long> _relayed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in notifier.ListenAsync(stoppingToken))
            {
                try
                {
                    await RelayAsync(notification, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRelayFailed(logger, notification.ExperimentId, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RelayAsync(EventNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Resumed)
        {
            foreach (var (experimentId, relayedUpTo) in _relayed)
            {
                await RelayAfterAsync(experimentId, relayedUpTo, long.MaxValue, cancellationToken);
            }

            return;
        }

        if (broker.WatcherCount(notification.ExperimentId) == 0)
        {
            _relayed.TryRemove(notification.ExperimentId, out _);
            return;
        }

        if (notification.Origin == notifier.Origin)
        {
            _relayed[notification.ExperimentId] = notification.LastSequence;
            return;
        }

        var after = _relayed.TryGetValue(notification.ExperimentId, out var relayed)
            ? Math.Min(relayed, notification.FirstSequence - 1)
            : notification.FirstSequence - 1;
        await RelayAfterAsync(notification.ExperimentId, after, notification.LastSequence, cancellationToken);
    }

    private async Task RelayAfterAsync(long experimentId, long after, long upTo, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = (await store.ReadAfterAsync(experimentId, after, ReadPage, cancellationToken)).Where(m => m.Sequence <= upTo).ToList();
            if (page.Count == 0)
            {
                return;
            }

            broker.Publish(page);
            after = page[^1].Sequence;
            _relayed[experimentId] = after;
            if (page.Count < ReadPage)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passing on other processes' events of experiment {ExperimentId} failed ({Reason}); its watchers catch up from the store when they reconnect.")]
    private static partial void LogRelayFailed(ILogger logger, long experimentId, string reason);
}
