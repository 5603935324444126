using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;

namespace ImageLab.Data.Events;

/// <summary>
/// Snapshot + stream: registers with the broker first, then replays the store after the client's sequence,
/// then passes live events on, skipping any already replayed. Nothing falls between the two.
/// </summary>
internal sealed class BuildEventFeed(BuildEventBroker broker, EventStore store) : IBuildEventFeed
{
    private const int ReplayPage = 5000;

    public async IAsyncEnumerable<BuildEventMessage> WatchAsync(
        long experimentId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterSequence;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var subscription = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var live = broker.Subscribe(experimentId, subscription.Token);
            while (true)
            {
                var page = await store.ReadAfterAsync(experimentId, last, ReplayPage, cancellationToken);
                foreach (var message in page)
                {
                    last = message.Sequence;
                    yield return message;
                }

                if (page.Count < ReplayPage)
                {
                    break;
                }
            }

            var overflowed = false;
            while (!overflowed)
            {
                BuildEventMessage message;
                try
                {
                    if (!await live.WaitToReadAsync(cancellationToken))
                    {
                        overflowed = true;
                        continue;
                    }

                    if (!live.TryRead(out message!))
                    {
                        continue;
                    }
                }
                catch (WatcherOverflowException)
                {
                    overflowed = true;
                    continue;
                }
                catch (ChannelClosedException)
                {
                    overflowed = true;
                    continue;
                }

                if (message.Sequence > last)
                {
                    last = message.Sequence;
                    yield return message;
                }
            }
        }
    }
}
