using ImageLab.Data.Coordination;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Tests.Coordination;

/// <summary>
/// The engine's lock on each store: classic builds share it, a removal holds it alone, a waiting removal holds back new
/// builds. On PostgreSQL every hold is its own session, so these are the same answers two processes get.
/// </summary>
public abstract class EngineImageLockTests(TestStoreKind kind) : IAsyncLifetime
{
    private const string Engine = "engine-under-test";
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DataFixture _data = new(kind);

    private IEngineImageLock Lock => _data.Services.GetRequiredService<IEngineImageLock>();

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task TryEnterRemoval_WhileBuildsRun_RefusedUntilTheLastEnds()
    {
        // Arrange
        var first = await Lock.EnterBuildAsync(Engine, CancellationToken.None);
        var second = await Lock.EnterBuildAsync(Engine, CancellationToken.None);

        // Act
        var duringBoth = await Lock.TryEnterRemovalAsync(Engine, CancellationToken.None);
        await first.DisposeAsync();
        var duringOne = await Lock.TryEnterRemovalAsync(Engine, CancellationToken.None);
        await second.DisposeAsync();
        await using var afterBoth = await Lock.TryEnterRemovalAsync(Engine, CancellationToken.None);

        // Assert
        Assert.Null(duringBoth);
        Assert.Null(duringOne);
        Assert.NotNull(afterBoth);
    }

    [Fact]
    public async Task EnterBuild_WhileImagesAreRemoved_WaitsUntilTheRemovalEnds()
    {
        // Arrange
        var removal = (await Lock.TryEnterRemovalAsync(Engine, CancellationToken.None))!;

        // Act
        var build = Lock.EnterBuildAsync(Engine, CancellationToken.None);
        var enteredDuringRemoval = await Task.WhenAny(build, Task.Delay(Moment)) == build;
        await removal.DisposeAsync();
        await using var entered = await build.WaitAsync(Patience);

        // Assert
        Assert.False(enteredDuringRemoval);
    }

    [Fact]
    public async Task EnterRemoval_WhileABuildRuns_WaitsForIt_AndANewBuildWaitsBehindTheRemoval()
    {
        // Arrange
        var running = await Lock.EnterBuildAsync(Engine, CancellationToken.None);

        // Act
        var removal = Lock.EnterRemovalAsync(Engine, CancellationToken.None);
        await Task.Delay(Moment);
        var later = Lock.EnterBuildAsync(Engine, CancellationToken.None);
        var removedDuringBuild = await Task.WhenAny(removal, Task.Delay(Moment)) == removal;
        await running.DisposeAsync();
        var removing = await removal.WaitAsync(Patience);
        var laterEnteredDuringRemoval = await Task.WhenAny(later, Task.Delay(Moment)) == later;
        await removing.DisposeAsync();
        await using var laterBuild = await later.WaitAsync(Patience);

        // Assert
        Assert.False(removedDuringBuild);
        Assert.False(laterEnteredDuringRemoval);
    }

    [Fact]
    public async Task EnterRemoval_Cancelled_BuildsGoOnAtOnce()
    {
        // Arrange
        var running = await Lock.EnterBuildAsync(Engine, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        // Act
        var removal = Lock.EnterRemovalAsync(Engine, cancel.Token);
        await Task.Delay(Moment);
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => removal.WaitAsync(Patience));
        await using var next = await Lock.EnterBuildAsync(Engine, CancellationToken.None).WaitAsync(Patience);
        await running.DisposeAsync();

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task TryEnterRemoval_BuildOnAnotherEngine_Granted()
    {
        // Arrange
        await using var running = await Lock.EnterBuildAsync("another-engine", CancellationToken.None);

        // Act
        await using var removal = await Lock.TryEnterRemovalAsync(Engine, CancellationToken.None);

        // Assert
        Assert.NotNull(removal);
    }
}

public sealed class PostgresEngineImageLockTests() : EngineImageLockTests(TestStoreKind.PostgreSql);

public sealed class SqliteEngineImageLockTests() : EngineImageLockTests(TestStoreKind.Sqlite);
