using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>
/// The event feed as the pages see it: stored events replayed after the asked sequence, then live ones
/// from a channel per watcher. <see cref="Publish"/> stores and broadcasts, as the real broker does.
/// </summary>
public sealed class ChannelBuildEventFeed : IBuildEventFeed
{
    private readonly object _gate = new();
    private readonly List<BuildEventMessage> _stored = [];
    private readonly List<(long ExperimentId, Channel<BuildEventMessage> Channel)> _watchers = [];
    private long _sequence;

    public IReadOnlyList<long> RequestedAfter => _requestedAfter;

    /// <summary>
    /// Blocks until <paramref name="count"/> watchers are subscribed. A page subscribes from a background task,
    /// not in a render, so bUnit's WaitForAssertion (which re-checks on renders) cannot wait for it.
    /// </summary>
    public void WaitForWatchers(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        lock (_gate)
        {
            while (_watchers.Count != count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left) && _watchers.Count != count)
                {
                    throw new TimeoutException($"Expected {count} watchers within 10 s; there are {_watchers.Count}.");
                }
            }
        }
    }

    private readonly List<long> _requestedAfter = [];

    public BuildEventMessage Publish(long experimentId, long iterationId, BuildEventType type, IterationStatus? status = null,
        int? step = null, int? totalSteps = null, bool cached = false, string? text = null)
    {
        lock (_gate)
        {
            var message = new BuildEventMessage
            {
                Sequence = ++_sequence,
                ExperimentId = experimentId,
                IterationId = iterationId,
                Type = type,
                At = new DateTimeOffset(2025, 11, 29, 15, 0, 0, TimeSpan.Zero).AddSeconds(_sequence),
                Status = status,
                Step = step,
                TotalSteps = totalSteps,
                Cached = cached,
                Text = text,
            };
            _stored.Add(message);
            foreach (var watcher in _watchers.Where(w => w.ExperimentId == experimentId))
            {
                watcher.Channel.Writer.TryWrite(message);
            }

            return message;
        }
    }

    public async IAsyncEnumerable<BuildEventMessage> WatchAsync(long experimentId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<BuildEventMessage>();
        List<BuildEventMessage> replay;
        lock (_gate)
        {
            _requestedAfter.Add(afterSequence);
            replay = _stored.Where(m => m.ExperimentId == experimentId && m.Sequence > afterSequence).ToList();
            _watchers.Add((experimentId, channel));
            Monitor.PulseAll(_gate);
        }

        try
        {
            var last = afterSequence;
            foreach (var message in replay)
            {
                last = message.Sequence;
                yield return message;
            }

            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (message.Sequence > last)
                {
                    last = message.Sequence;
                    yield return message;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.RemoveAll(w => w.Channel == channel);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
