using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ImageLab.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ImageLab.Data.Notifications;

/// <summary>
/// PostgreSQL LISTEN/NOTIFY on the <c>imagelab_events</c> channel: the database every process already
/// shares. Writers of one experiment take a transaction-scoped advisory lock on it before storing, and
/// announce each batch with <c>pg_notify</c>, which PostgreSQL delivers on commit, in commit order.
/// </summary>
internal sealed partial class PostgresEventNotifier(IDbContextFactory<ImageLabDbContext> contexts, ILogger<PostgresEventNotifier> logger)
    : IEventNotifier
{
    public const string ChannelName = "imagelab_events";

    // The first key of the two-key advisory lock ("IL"), so that these locks never meet anyone else's.
    internal const int LockNamespace = 0x494C;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    public string Origin { get; } = Guid.NewGuid().ToString("N")[..12];

    public async Task BeforeAppendAsync(ImageLabDbContext db, IReadOnlyCollection<long> experimentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(experimentIds);

        // Always in the same order, so that two writers of the same experiments cannot deadlock.
        foreach (var key in experimentIds.Select(id => (int)(id % int.MaxValue)).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockNamespace}, {key})", cancellationToken);
        }
    }

    public async Task AfterAppendAsync(ImageLabDbContext db, IReadOnlyList<BuildEventMessage> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var group in stored.GroupBy(m => m.ExperimentId))
        {
            var payload = new EventNotification(group.Key, group.Min(m => m.Sequence), group.Max(m => m.Sequence), Origin).ToPayload();
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ChannelName}, {payload})", cancellationToken);
        }
    }

    public async IAsyncEnumerable<EventNotification> ListenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var notifications = Channel.CreateUnbounded<EventNotification>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(notifications.Writer, stop.Token);
        try
        {
            await foreach (var notification in notifications.Reader.ReadAllAsync(cancellationToken))
            {
                yield return notification;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    // One dedicated connection, outside the pool, held for the life of the listener; reopened after any failure.
    private async Task PumpAsync(ChannelWriter<EventNotification> writer, CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        }

        var retry = FirstRetry;
        var failed = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    if (EventNotification.Parse(e.Payload) is { } notification)
                    {
                        writer.TryWrite(notification);
                    }
                };
                await connection.OpenAsync(cancellationToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                if (failed)
                {
                    LogListening(logger);
                    writer.TryWrite(EventNotification.AfterReconnect);
                }

                failed = false;
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                failed = true;
                LogListenFailed(logger, e.Message, retry.TotalSeconds);
                try
                {
                    await Task.Delay(retry, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }

        writer.TryComplete();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other processes' build events failed ({Reason}); retrying in {Seconds} s. Live events from other processes wait until then.")]
    private static partial void LogListenFailed(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other processes' build events again.")]
    private static partial void LogListening(ILogger logger);
}
