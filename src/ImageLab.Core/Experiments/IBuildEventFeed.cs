namespace ImageLab.Core.Experiments;

/// <summary>
/// The live feed of an experiment's events: first the stored events after <c>afterSequence</c>, then live
/// ones as they happen, each exactly once and in sequence order. Used by the pages and the SignalR hub.
/// </summary>
public interface IBuildEventFeed
{
    IAsyncEnumerable<BuildEventMessage> WatchAsync(long experimentId, long afterSequence, CancellationToken cancellationToken);
}
