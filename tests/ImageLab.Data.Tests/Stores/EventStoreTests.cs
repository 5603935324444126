using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Tests.Stores;

/// <summary>The event log that live progress and build logs read back, on each store.</summary>
public abstract class EventStoreTests(TestStoreKind store) : IAsyncLifetime
{
    private readonly DataFixture _data = new(store);

    private EventStore Events => _data.Services.GetRequiredService<EventStore>();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Append_WritersAtOnce_SequencesGrowAndReadBackInOrderFromAnyPoint()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync(iterations: 2);
        var iterations = (await _data.Queries.GetExperimentAsync(experimentId, CancellationToken.None))!.Iterations;

        // Act: one writer per iteration, 10 batches of 5 log lines each, at the same time.
        var stored = await Task.WhenAll(iterations.Select(i => Task.Run(async () =>
        {
            var mine = new List<BuildEventMessage>();
            for (var batch = 0; batch < 10; batch++)
            {
                mine.AddRange(await Events.AppendAsync(Lines(experimentId, i.Id, batch, 5), CancellationToken.None));
            }

            return mine;
        })));
        var all = await Events.ReadAfterAsync(experimentId, 0, 1000, CancellationToken.None);
        var middle = all[49].Sequence;
        var rest = await Events.ReadAfterAsync(experimentId, middle, 1000, CancellationToken.None);

        // Assert
        Assert.Equal(100, all.Count);
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(100, all.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(stored.SelectMany(s => s).Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal(all.Skip(50), rest);
        Assert.All(stored, mine => Assert.Equal(mine.Select(e => e.Sequence).Order(), mine.Select(e => e.Sequence)));
    }

    [Fact]
    public async Task OpenLog_IterationWithLogLines_StreamsItsOwnLinesInOrder()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync(iterations: 2);
        var iterations = (await _data.Queries.GetExperimentAsync(experimentId, CancellationToken.None))!.Iterations;
        await Events.AppendAsync([.. Lines(experimentId, iterations[0].Id, 0, 3), .. Lines(experimentId, iterations[1].Id, 0, 2)], CancellationToken.None);
        await Events.AppendAsync(Lines(experimentId, iterations[0].Id, 1, 2), CancellationToken.None);

        // Act
        var log = await _data.Queries.OpenLogAsync(experimentId, iterations[0].Id, CancellationToken.None);
        var lines = new List<string>();
        await foreach (var line in log!)
        {
            lines.Add(line);
        }

        // Assert
        Assert.Equal(["0.0", "0.1", "0.2", "1.0", "1.1"], lines);
        Assert.Null(await _data.Queries.OpenLogAsync(experimentId + 1000, iterations[0].Id, CancellationToken.None));
    }

    private static List<BuildEventMessage> Lines(long experimentId, long iterationId, int batch, int count) =>
        Enumerable.Range(0, count).Select(n => new BuildEventMessage
        {
            Sequence = 0,
            ExperimentId = experimentId,
            IterationId = iterationId,
            Type = BuildEventType.Log,
            At = DateTimeOffset.UtcNow,
            Text = $"{batch}.{n}",
        }).ToList();

    public sealed class OnPostgreSql() : EventStoreTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : EventStoreTests(TestStoreKind.Sqlite);
}
