using System.Threading.Channels;
using ImageLab.Core.Experiments;
using ImageLab.Core.IO;
using ImageLab.Data.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageLab.Data.Events;

/// <summary>
/// Collects events from running builds, stores them in batches (every 100 ms or 1,000 events, whichever
/// comes first) and only then publishes them with their sequences, so that a watcher never sees an event
/// the store does not have. One writer per process keeps sequences in commit order. A flush (the pipeline's, before it
/// stores an iteration's end) ends the current batch's window at once instead of waiting it out.
/// </summary>
public sealed partial class BuildEventWriter(
    EventStore store,
    BuildEventBroker broker,
    IEnumerable<IPublishedEventsObserver> observers,
    TimeProvider clock,
    ILogger<BuildEventWriter> logger)
    : BackgroundService
{
    private const int MaxBatch = 1000;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    // A database that is restarting must not lose events: the same batch is retried until it is stored (when the app
    // stops, the host's shutdown timeout bounds the wait).
    private static readonly WriteRetry EventWrites = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

    private readonly Channel<BuildEventMessage> _pending = Channel.CreateUnbounded<BuildEventMessage>(new UnboundedChannelOptions { SingleReader = true });
    private long _posted;
    private long _stored;
    private CancellationTokenSource _flushRequested = new();
    private TaskCompletionSource _storedMore = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues an event (its sequence is assigned when stored).</summary>
    public void Post(long experimentId, long iterationId, BuildEventType type, IterationStatus? status = null,
        int? step = null, int? totalSteps = null, bool cached = false, string? text = null)
    {
        Interlocked.Increment(ref _posted);
        _pending.Writer.TryWrite(new BuildEventMessage
        {
            Sequence = 0,
            ExperimentId = experimentId,
            IterationId = iterationId,
            Type = type,
            At = clock.GetUtcNow(),
            Status = status,
            Step = step,
            TotalSteps = totalSteps,
            Cached = cached,
            Text = text,
        });

        // An iteration's end is what pages and waiting callers act on: it ends the batch window instead of waiting it out.
        if (type == BuildEventType.Status && status is { } ended && ended.IsFinal())
        {
            _ = Volatile.Read(ref _flushRequested).CancelAsync();
        }
    }

    /// <summary>Waits until everything posted so far is stored and published.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _posted);
        while (true)
        {
            var storedMore = Volatile.Read(ref _storedMore).Task;
            if (Interlocked.Read(ref _stored) >= target)
            {
                return;
            }

            await Volatile.Read(ref _flushRequested).CancelAsync();
            await storedMore.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BuildEventMessage>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await FillBatchAsync(batch, stoppingToken);
                await StoreAndPublishAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The last lines of a build must not be lost when the app stops.
        while (_pending.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }

        if (batch.Count > 0)
        {
            await StoreAndPublishAsync(batch);
        }
    }

    private async Task FillBatchAsync(List<BuildEventMessage> batch, CancellationToken stoppingToken)
    {
        // A flush asked before this point (while the last batch was stored) is answered by this batch without a window:
        // everything it waits for is in the channel by now. One asked later ends this batch's window.
        var flushAsked = Volatile.Read(ref _flushRequested).IsCancellationRequested;
        if (flushAsked)
        {
            Volatile.Write(ref _flushRequested, new CancellationTokenSource());
        }

        var flushRequested = Volatile.Read(ref _flushRequested).Token;
        var windowEnds = clock.GetUtcNow() + BatchWindow;
        while (batch.Count < MaxBatch)
        {
            if (_pending.Reader.TryRead(out var message))
            {
                batch.Add(message);
                continue;
            }

            var remaining = windowEnds - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero || flushAsked || flushRequested.IsCancellationRequested)
            {
                return;
            }

            using var windowTimer = new CancellationTokenSource(remaining, clock);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, flushRequested, windowTimer.Token);
            try
            {
                await _pending.Reader.WaitToReadAsync(window.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The window ran out or a flush ended it: take what has arrived meanwhile and store.
            }
        }
    }

    private Task StoreAndPublishAsync(List<BuildEventMessage> batch) =>
        EventWrites.RunAsync(
            async () =>
            {
                var stored = await store.AppendAsync(batch, CancellationToken.None);
                broker.Publish(stored);
                foreach (var observer in observers)
                {
                    observer.EventsPublished(batch.Select(e => e.At));
                }

                Interlocked.Add(ref _stored, batch.Count);
                Interlocked.Exchange(ref _storedMore, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            },
            clock,
            e => LogStoreFailed(logger, batch.Count, e.Message),
            CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} build events failed ({Reason}); retrying.")]
    private static partial void LogStoreFailed(ILogger logger, int count, string reason);
}
