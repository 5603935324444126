namespace ImageLab.Data.Events;

/// <summary>
/// Told when a batch of build events reaches live viewers (after it is stored), with each event's creation time:
/// how the metrics measure the live events' lag without the event path knowing about metrics.
/// </summary>
public interface IPublishedEventsObserver
{
    void EventsPublished(IEnumerable<DateTimeOffset> createdAt);
}
