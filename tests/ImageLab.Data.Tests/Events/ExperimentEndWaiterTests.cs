using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;

namespace ImageLab.Data.Tests.Events;

/// <summary>The wait behind <c>?wait=</c>: it answers as the experiment stands when the time runs out, and leaves no watcher behind.</summary>
public sealed class ExperimentEndWaiterTests : IAsyncLifetime
{
    private readonly DataFixture _data = new(TestStoreKind.PostgreSql);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task WaitAsync_RunsOutOnAQueuedExperiment_AnswersQueuedAndLetsItsWatcherGo()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync();
        var broker = new BuildEventBroker();
        var waiter = new ExperimentEndWaiter(broker, _data.Contexts);

        // Act
        var status = await waiter.WaitAsync(experimentId, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        // Assert
        Assert.Equal(ExperimentStatus.Queued, status);
        Assert.Equal(0, broker.WatcherCount(experimentId));
    }

    [Fact]
    public async Task WaitAsync_UnknownExperiment_AnswersNullAtOnceAndLetsItsWatcherGo()
    {
        // Arrange
        var broker = new BuildEventBroker();
        var waiter = new ExperimentEndWaiter(broker, _data.Contexts);

        // Act
        var status = await waiter.WaitAsync(987_654, TimeSpan.FromMinutes(10), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Null(status);
        Assert.Equal(0, broker.WatcherCount(987_654));
    }
}
