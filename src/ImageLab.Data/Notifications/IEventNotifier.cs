using ImageLab.Core.Experiments;

namespace ImageLab.Data.Notifications;

/// <summary>
/// Tells other processes that events were stored, so that a web instance can pass on what a worker process
/// built. The event store calls the two append hooks inside the transaction that stores a batch.
/// </summary>
public interface IEventNotifier
{
    /// <summary>This process's identity in notifications, so that it can ignore its own.</summary>
    string Origin { get; }

    /// <summary>
    /// Before the insert: serializes writers of the same experiments, so that sequences commit in their
    /// order and a reader that has seen sequence N can never later find an earlier one.
    /// </summary>
    Task BeforeAppendAsync(ImageLabDbContext db, IReadOnlyCollection<long> experimentIds, CancellationToken cancellationToken);

    /// <summary>After the insert, in the same transaction: announces the stored batch when it commits.</summary>
    Task AfterAppendAsync(ImageLabDbContext db, IReadOnlyList<BuildEventMessage> stored, CancellationToken cancellationToken);

    /// <summary>Every process's announcements until cancelled; survives a lost connection by reconnecting.</summary>
    IAsyncEnumerable<EventNotification> ListenAsync(CancellationToken cancellationToken);
}
