using System.Collections.Concurrent;
using System.Threading.Channels;
using ImageLab.Core.Experiments;

namespace ImageLab.Data.Events;

/// <summary>
/// In-process fan-out of stored events to watchers of an experiment. Each watcher gets its own bounded
/// channel; a watcher that falls too far behind is completed with <see cref="WatcherOverflowException"/>
/// and catches up from the store, so a slow browser never slows a build.
/// </summary>
public sealed class BuildEventBroker
{
    private const int WatcherCapacity = 20_000;
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Channel<BuildEventMessage>, byte>> _watchers = new();

    public ChannelReader<BuildEventMessage> Subscribe(long experimentId, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<BuildEventMessage>(new BoundedChannelOptions(WatcherCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var set = _watchers.GetOrAdd(experimentId, _ => new ConcurrentDictionary<Channel<BuildEventMessage>, byte>());
        set[channel] = 0;
        cancellationToken.Register(() =>
        {
            set.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Publish(IReadOnlyList<BuildEventMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var group in batch.GroupBy(m => m.ExperimentId))
        {
            if (!_watchers.TryGetValue(group.Key, out var set))
            {
                continue;
            }

            foreach (var channel in set.Keys)
            {
                foreach (var message in group)
                {
                    if (!channel.Writer.TryWrite(message))
                    {
                        set.TryRemove(channel, out _);
                        channel.Writer.TryComplete(new WatcherOverflowException());
                        break;
                    }
                }
            }
        }
    }

    internal int WatcherCount(long experimentId) => _watchers.TryGetValue(experimentId, out var set) ? set.Count : 0;
}
