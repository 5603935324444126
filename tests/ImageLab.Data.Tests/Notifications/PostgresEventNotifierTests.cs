using ImageLab.Core.Experiments;
using ImageLab.Data.Notifications;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageLab.Data.Tests.Notifications;

/// <summary>LISTEN/NOTIFY between processes: PostgreSQL only (the embedded store serves one process).</summary>
public sealed class PostgresEventNotifierTests : IAsyncLifetime
{
    private readonly DataFixture _data = new(TestStoreKind.PostgreSql);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Append_TwoProcessesWriteOneExperiment_AnnouncedInSequenceOrderCoveringEveryEvent()
    {
        // Arrange: two writers as two processes would have them, and a third process listening.
        var experimentId = await _data.SubmitAsync(iterations: 2);
        var experiment = (await _data.Queries.GetExperimentAsync(experimentId, CancellationToken.None))!;
        var writers = experiment.Iterations
            .Select(i => (Store: new EventStore(_data.Contexts, NewNotifier()), IterationId: i.Id))
            .ToList();
        var listener = NewNotifier();
        var received = new List<EventNotification>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var listening = Task.Run(async () =>
        {
            await foreach (var notification in listener.ListenAsync(stop.Token))
            {
                lock (received)
                {
                    received.Add(notification);
                }
            }
        });
        var heardFrom = await AppendUntilHeardAsync(writers[0].Store, experimentId, writers[0].IterationId, received);

        // Act
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await w.Store.AppendAsync(Batch(experimentId, w.IterationId, 5), CancellationToken.None);
            }
        })));
        var stored = await new EventStore(_data.Contexts).ReadAfterAsync(experimentId, 0, 10_000, CancellationToken.None);
        while (Covered(received, stored[^1].Sequence) is false && !stop.IsCancellationRequested)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await listening.ContinueWith(_ => { }, TaskScheduler.Default);

        // Assert
        var announced = received.Where(n => n.ExperimentId == experimentId && n.LastSequence >= heardFrom).ToList();
        Assert.Equal(2, announced.Select(n => n.Origin).Distinct().Count());
        for (var i = 1; i < announced.Count; i++)
        {
            Assert.True(announced[i].FirstSequence > announced[i - 1].LastSequence,
                $"Announcement {i} ({announced[i].FirstSequence}..{announced[i].LastSequence}) commits before its predecessor's end {announced[i - 1].LastSequence}.");
        }

        Assert.All(stored.Where(e => e.Sequence >= heardFrom), e => Assert.Contains(announced, n => n.FirstSequence <= e.Sequence && e.Sequence <= n.LastSequence));
    }

    [Fact]
    public void Payload_RoundTrip_KeepsEveryField()
    {
        // Arrange
        var notification = new EventNotification(42, 1000, 1234, "abc123");

        // Act
        var parsed = EventNotification.Parse(notification.ToPayload());

        // Assert
        Assert.Equal(notification, parsed);
        Assert.Null(EventNotification.Parse("not:a:payload"));
    }

    private PostgresEventNotifier NewNotifier() => new(_data.Contexts, NullLogger<PostgresEventNotifier>.Instance);

    private static bool Covered(List<EventNotification> received, long lastSequence)
    {
        lock (received)
        {
            return received.Any(n => n.LastSequence >= lastSequence);
        }
    }

    // Appends one event at a time until the listener hears one (its LISTEN starts asynchronously), and returns the
    // sequence of that first one heard: events appended before it may have been announced before anyone listened.
    private static async Task<long> AppendUntilHeardAsync(EventStore store, long experimentId, long iterationId, List<EventNotification> received)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stored = await store.AppendAsync(Batch(experimentId, iterationId, 1), CancellationToken.None);
            await Task.Delay(100);
            if (Covered(received, stored[^1].Sequence))
            {
                return stored[^1].Sequence;
            }
        }

        throw new Xunit.Sdk.XunitException("The listener heard nothing within 10 s.");
    }

    private static List<BuildEventMessage> Batch(long experimentId, long iterationId, int count) =>
        Enumerable.Range(0, count).Select(i => new BuildEventMessage
        {
            Sequence = 0,
            ExperimentId = experimentId,
            IterationId = iterationId,
            Type = BuildEventType.Log,
            At = DateTimeOffset.UtcNow,
            Text = $"line {i}",
        }).ToList();
}
