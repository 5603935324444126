using System.Threading.Channels;
using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Tests.Events;

/// <summary>
/// The event writer stores in batches of up to 100 ms; the pipeline flushes before it stores an iteration's end, and a
/// flush ends the batch's window at once (it used to wait the window out and then poll every 20 ms: about 0.1 s of every
/// cached iteration). Under a stopped clock the window never ends by itself.
/// </summary>
public sealed class BuildEventWriterTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DataFixture _data = new(TestStoreKind.PostgreSql, new StoppedClock());

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Flush_WhileTheBatchWindowIsOpen_StoresAndPublishesAtOnce()
    {
        // Arrange
        using var watching = new CancellationTokenSource();
        var (experimentId, iterationId, writer, published) = await StartWatchedWriterAsync(watching.Token);

        // Act
        writer.Post(experimentId, iterationId, BuildEventType.Log, text: "first line");
        writer.Post(experimentId, iterationId, BuildEventType.Log, text: "second line");
        await writer.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        // Assert
        var stored = await _data.Services.GetRequiredService<EventStore>().ReadAfterAsync(experimentId, 0, 10, CancellationToken.None);
        Assert.Equal(["first line", "second line"], stored.Select(e => e.Text));
        Assert.True(published.TryRead(out var first) && first.Text == "first line");
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Post_AnIterationsEnd_PublishedWithoutWaitingOutTheWindow()
    {
        // Arrange
        using var watching = new CancellationTokenSource();
        var (experimentId, iterationId, writer, published) = await StartWatchedWriterAsync(watching.Token);

        // Act: no flush, and the stopped clock never closes the window.
        writer.Post(experimentId, iterationId, BuildEventType.Log, text: "last line");
        writer.Post(experimentId, iterationId, BuildEventType.Status, IterationStatus.Succeeded);
        var heard = new List<BuildEventMessage>();
        using var patience = new CancellationTokenSource(Patience);
        while (heard.Count < 2)
        {
            heard.Add(await published.ReadAsync(patience.Token));
        }

        // Assert
        Assert.Equal([BuildEventType.Log, BuildEventType.Status], heard.Select(e => e.Type));
        Assert.Equal(IterationStatus.Succeeded, heard[1].Status);
        await writer.StopAsync(CancellationToken.None);
    }

    // A running writer and a watcher of the events it publishes for a new experiment's first iteration.
    private async Task<(long ExperimentId, long IterationId, BuildEventWriter Writer, ChannelReader<BuildEventMessage> Published)> StartWatchedWriterAsync(
        CancellationToken watching)
    {
        var experimentId = await _data.SubmitAsync();
        var iterationId = (await _data.Queries.GetExperimentAsync(experimentId, CancellationToken.None))!.Iterations[0].Id;
        var broker = new BuildEventBroker();
        var published = broker.Subscribe(experimentId, watching);
        var writer = ActivatorUtilities.CreateInstance<BuildEventWriter>(_data.Services, broker);
        await writer.StartAsync(CancellationToken.None);
        return (experimentId, iterationId, writer, published);
    }

    [Fact]
    public async Task Flush_Repeatedly_EachReturnsOnceItsEventsAreStored()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync();
        var iterationId = (await _data.Queries.GetExperimentAsync(experimentId, CancellationToken.None))!.Iterations[0].Id;
        var writer = ActivatorUtilities.CreateInstance<BuildEventWriter>(_data.Services, new BuildEventBroker());
        await writer.StartAsync(CancellationToken.None);

        // Act: a flush per line, from several callers at once.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(async () =>
        {
            writer.Post(experimentId, iterationId, BuildEventType.Log, text: $"line {n}");
            await writer.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        })));

        // Assert
        var stored = await _data.Services.GetRequiredService<EventStore>().ReadAfterAsync(experimentId, 0, 100, CancellationToken.None);
        Assert.Equal(20, stored.Count);
        await writer.StopAsync(CancellationToken.None);
    }
}
