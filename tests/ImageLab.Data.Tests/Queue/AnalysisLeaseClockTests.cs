using ImageLab.Data.Queue;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Queue;

/// <summary>
/// The analysis queue's leases when workers' clocks disagree with the database's, as a worker's did when it read the time,
/// then waited for a starved CPU before its statement ran: on PostgreSQL, where several worker processes share the queue,
/// a lease runs a whole lease from the database's now, so that another worker's claim (the queue's sweep) never takes a
/// live analysis, and a handed-back analysis is free at once.
/// </summary>
public sealed class AnalysisLeaseClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
    private readonly ShiftedClock _workerClock = new(TimeSpan.Zero);
    private readonly DataFixture _data;

    public AnalysisLeaseClockTests() => _data = new DataFixture(TestStoreKind.PostgreSql, _workerClock);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task ClaimAndRenew_WorkerClockAnHourBehind_AnotherWorkerTakesNothingAndTheLeaseRunsFromTheDatabaseClock()
    {
        // Arrange: the slow worker, its clock an hour behind, claims two analyses.
        await _data.QueueAnalysesAsync(2);
        _workerClock.Shift = TimeSpan.FromHours(-1);
        var claimed = (await _data.AnalysisQueue.ClaimNextAsync("slow", Lease, CancellationToken.None))!.Value;
        var renewed = (await _data.AnalysisQueue.ClaimNextAsync("slow", Lease, CancellationToken.None))!.Value;

        // Act: it renews the second; then another worker, whose clock agrees with the database's, looks for work.
        var renewal = await _data.AnalysisQueue.RenewLeaseAsync(renewed, "slow", Lease, CancellationToken.None);
        _workerClock.Shift = TimeSpan.Zero;
        var taken = await _data.AnalysisQueue.ClaimNextAsync("other-worker", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(LeaseState.Held, renewal);
        Assert.Null(taken);
        var remaining = await LeaseSecondsLeftAsync(claimed, renewed);
        Assert.Equal(2, remaining.Count);
        Assert.All(remaining, seconds => Assert.InRange(seconds, Lease.TotalSeconds / 2, Lease.TotalSeconds));
    }

    [Fact]
    public async Task Release_WorkerClockAnHourAhead_AnotherWorkerTakesItAtOnce()
    {
        // Arrange: a worker whose clock runs an hour ahead claims an analysis.
        var queued = await _data.QueueAnalysesAsync(1);
        _workerClock.Shift = TimeSpan.FromHours(1);
        var claimed = await _data.AnalysisQueue.ClaimNextAsync("ahead", Lease, CancellationToken.None);

        // Act: it stops and hands the analysis back; another worker, on the database's time, looks for work.
        await _data.AnalysisQueue.ReleaseAsync(claimed!.Value, "ahead", CancellationToken.None);
        _workerClock.Shift = TimeSpan.Zero;
        var taken = await _data.AnalysisQueue.ClaimNextAsync("other-worker", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(queued[0], claimed);
        Assert.Equal(queued[0], taken);
    }

    private async Task<List<double>> LeaseSecondsLeftAsync(long first, long second)
    {
        await using var db = await _data.Contexts.CreateDbContextAsync();
        return await db.Database.SqlQuery<double>($"""
            SELECT extract(epoch FROM lease_expires_at - now())::float8 AS "Value" FROM iteration_analyses WHERE iteration_id IN ({first}, {second})
            """).ToListAsync();
    }
}
