using ImageLab.Data.Queue;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Queue;

/// <summary>
/// The analysis queue's leases, on each store (<see cref="OnPostgreSql"/>, <see cref="OnSqlite"/>): one worker per
/// analysis, a lease that ran out taken over, a handed-back analysis free at once.
/// </summary>
public abstract class AnalysisQueueLeaseTests(TestStoreKind store) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RanOut = TimeSpan.FromMilliseconds(-1);
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    private AnalysisQueue Queue => _data.AnalysisQueue;

    [Fact]
    public async Task ClaimNext_ManyWorkersAtOnce_EachAnalysisClaimedOnceAndAHeldOneNotTaken()
    {
        // Arrange
        var queued = await _data.QueueAnalysesAsync(5);

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Queue.ClaimNextAsync($"worker-{w}", Lease, CancellationToken.None)));
        var late = await Queue.ClaimNextAsync("late", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(queued, claims.Where(c => c is not null).Select(c => c!.Value).Order());
        Assert.Null(late);
    }

    [Fact]
    public async Task RenewLease_LeaseRanOutAndTakenOver_LostForTheFirstWorkerHeldForTheSecond()
    {
        // Arrange: a worker that stopped renewing; its lease ran out and another took the analysis.
        await _data.QueueAnalysesAsync(1);
        var first = (await Queue.ClaimNextAsync("stopped", RanOut, CancellationToken.None))!.Value;
        var second = await Queue.ClaimNextAsync("next", Lease, CancellationToken.None);

        // Act
        var stopped = await Queue.RenewLeaseAsync(first, "stopped", Lease, CancellationToken.None);
        var next = await Queue.RenewLeaseAsync(first, "next", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(LeaseState.Lost, stopped);
        Assert.Equal(LeaseState.Held, next);
        Assert.Equal(2, await AttemptOfAsync(first));
    }

    [Fact]
    public async Task Release_ClaimedAnalysis_NextWorkerTakesItAtOnceWithoutCountingTheAttempt()
    {
        // Arrange
        await _data.QueueAnalysesAsync(1);
        var claimed = (await Queue.ClaimNextAsync("stopping", Lease, CancellationToken.None))!.Value;

        // Act
        await Queue.ReleaseAsync(claimed, "stopping", CancellationToken.None);
        var taken = await Queue.ClaimNextAsync("next", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(claimed, taken);
        Assert.Equal(1, await AttemptOfAsync(claimed));
    }

    private async Task<int> AttemptOfAsync(long iterationId)
    {
        await using var db = await _data.Contexts.CreateDbContextAsync();
        return await db.IterationAnalyses.Where(a => a.IterationId == iterationId).Select(a => a.Attempt).SingleAsync();
    }

    public sealed class OnPostgreSql() : AnalysisQueueLeaseTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : AnalysisQueueLeaseTests(TestStoreKind.Sqlite);
}
