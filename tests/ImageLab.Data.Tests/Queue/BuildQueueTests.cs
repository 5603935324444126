using ImageLab.Core.Experiments;
using ImageLab.Data.Queue;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Queue;

/// <summary>The queue contract, on each store: <see cref="OnPostgreSql"/> and <see cref="OnSqlite"/> run every test.</summary>
public abstract class BuildQueueTests(TestStoreKind store) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task ClaimNext_ManyWorkersAtOnce_EachIterationClaimedExactlyOnce()
    {
        // Arrange
        await _data.SubmitAsync(iterations: 20);

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 30).Select(w => _data.Queue.ClaimNextAsync($"worker-{w}", Lease, CancellationToken.None)));

        // Assert
        var claimed = claims.Where(c => c is not null).Select(c => c!.Value).ToList();
        Assert.Equal(20, claimed.Count);
        Assert.Equal(20, claimed.Distinct().Count());
        Assert.Null(await _data.Queue.ClaimNextAsync("late", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimNext_ClaimersLoopUntilEmpty_EveryIterationClaimedOnceWithoutErrors()
    {
        // Arrange
        var experiments = new List<long>();
        for (var e = 0; e < 4; e++)
        {
            experiments.Add(await _data.SubmitAsync(iterations: 15));
        }

        // Act: six workers each claim (and renew what they hold) until nothing waits.
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await _data.Queue.ClaimNextAsync($"worker-{w}", Lease, CancellationToken.None) is { } id)
            {
                mine.Add(id);
                Assert.Equal(LeaseState.Held, await _data.Queue.RenewLeaseAsync(id, $"worker-{w}", Lease, CancellationToken.None));
            }

            return mine;
        })));

        // Assert
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
        await using var db = await _data.Contexts.CreateDbContextAsync();
        Assert.Equal(60, await db.Iterations.CountAsync(i => experiments.Contains(i.ExperimentId) && i.Status == IterationStatus.Building && i.Attempt == 1));
    }

    [Fact]
    public async Task ClaimNext_Ladder_ClaimsInOrdinalOrderAndCountsTheAttempt()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync(iterations: 3);

        // Act
        var first = await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None);
        var second = await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None);

        // Assert
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var iterations = await db.Iterations.Where(i => i.ExperimentId == experimentId).OrderBy(i => i.Ordinal).ToListAsync();
        Assert.Equal(iterations[0].Id, first);
        Assert.Equal(iterations[1].Id, second);
        Assert.Equal(IterationStatus.Building, iterations[0].Status);
        Assert.Equal(1, iterations[0].Attempt);
        Assert.Equal("w", iterations[0].LeaseOwner);
        Assert.Equal(IterationStatus.Queued, iterations[2].Status);
    }

    [Fact]
    public async Task ClaimNext_OneMemberQueuedTwentyThenAnotherOne_TheOthersIterationClaimedSecond()
    {
        // Arrange
        var busy = await _data.SubmitAsync(iterations: 20, submittedBy: "busy-member");
        var other = await _data.SubmitAsync(iterations: 1, submittedBy: "other-member");
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var busyIds = await db.Iterations.Where(i => i.ExperimentId == busy).OrderBy(i => i.Ordinal).Select(i => i.Id).ToListAsync();
        var otherId = await db.Iterations.Where(i => i.ExperimentId == other).Select(i => i.Id).SingleAsync();

        // Act: one worker, whose first build has already ended when it claims the second.
        var first = await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None);
        await db.Iterations.Where(i => i.Id == first).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.Status, IterationStatus.Succeeded).SetProperty(i => i.LeaseOwner, (string?)null));
        var second = await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None);
        var third = await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(busyIds[0], first);
        Assert.Equal(otherId, second);
        Assert.Equal(busyIds[1], third);
    }

    [Fact]
    public async Task ClaimNext_TwoMembersAndManyWorkersAtOnce_EachIterationClaimedOnce()
    {
        // Arrange
        await _data.SubmitAsync(iterations: 12, submittedBy: "member-a");
        await _data.SubmitAsync(iterations: 12, submittedBy: "member-b");

        // Act: four workers claim at once until nothing waits.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await _data.Queue.ClaimNextAsync($"worker-{w}", Lease, CancellationToken.None) is { } id)
            {
                mine.Add(id);
            }

            return mine;
        })));

        // Assert
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(24, all.Count);
        Assert.Equal(24, all.Distinct().Count());
    }

    [Fact]
    public async Task RecoverExpiredLeases_WorkerDied_RequeuedThenFailedAfterMaxAttempts()
    {
        // Arrange
        await _data.SubmitAsync();
        var expired = TimeSpan.FromMilliseconds(-1);

        // Act: the worker dies twice (its lease expires); the third sweep gives up at MaxAttempts = 2.
        var id = await _data.Queue.ClaimNextAsync("dead-1", expired, CancellationToken.None);
        var firstSweep = await _data.Queue.RecoverExpiredLeasesAsync(2, "sweeper", CancellationToken.None);
        await _data.Queue.ClaimNextAsync("dead-2", expired, CancellationToken.None);
        var secondSweep = await _data.Queue.RecoverExpiredLeasesAsync(2, "sweeper", CancellationToken.None);

        // Assert
        Assert.Equal(new ExpiredLease(id!.Value, firstSweep[0].ExperimentId, IterationStatus.Queued, 1), firstSweep.Single());
        Assert.Equal(IterationStatus.Failed, secondSweep.Single().NewStatus);
        var experiment = await _data.Queries.GetExperimentAsync(firstSweep[0].ExperimentId, CancellationToken.None);
        Assert.Contains("interrupted 2 times", experiment!.Iterations[0].Error, StringComparison.Ordinal);
        Assert.Equal(ExperimentStatus.Failed, experiment.Status);
    }

    [Fact]
    public async Task RecoverExpiredLeases_LiveOwnersLease_LeftAlone()
    {
        // Arrange
        await _data.SubmitAsync();
        await _data.Queue.ClaimNextAsync("me", TimeSpan.FromMilliseconds(-1), CancellationToken.None);

        // Act
        var swept = await _data.Queue.RecoverExpiredLeasesAsync(3, "me", CancellationToken.None);

        // Assert
        Assert.Empty(swept);
    }

    [Fact]
    public async Task RenewLease_CancelRequested_SaysSoAndLostAfterRelease()
    {
        // Arrange
        var experimentId = await _data.SubmitAsync();
        var id = (await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None))!.Value;

        // Act
        var before = await _data.Queue.RenewLeaseAsync(id, "w", Lease, CancellationToken.None);
        await _data.Commands.CancelExperimentAsync(experimentId, CancellationToken.None);
        var afterCancel = await _data.Queue.RenewLeaseAsync(id, "w", Lease, CancellationToken.None);
        var someoneElse = await _data.Queue.RenewLeaseAsync(id, "other", Lease, CancellationToken.None);
        await _data.Queue.ReleaseAsync(id, "w", "The engine is down.", CancellationToken.None);
        var afterRelease = await _data.Queue.RenewLeaseAsync(id, "w", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(LeaseState.Held, before);
        Assert.Equal(LeaseState.CancelRequested, afterCancel);
        Assert.Equal(LeaseState.Lost, someoneElse);
        Assert.Equal(LeaseState.Lost, afterRelease);
    }

    [Fact]
    public async Task Release_EngineWasDown_BackInQueueWithoutCountingTheAttempt()
    {
        // Arrange
        await _data.SubmitAsync();
        var id = (await _data.Queue.ClaimNextAsync("w", Lease, CancellationToken.None))!.Value;

        // Act
        await _data.Queue.ReleaseAsync(id, "w", "The engine is down.", CancellationToken.None);
        var again = await _data.Queue.ClaimNextAsync("w2", Lease, CancellationToken.None);

        // Assert
        Assert.Equal(id, again);
        await using var db = await _data.Contexts.CreateDbContextAsync();
        Assert.Equal(1, (await db.Iterations.SingleAsync(i => i.Id == id)).Attempt);
    }

    public sealed class OnPostgreSql() : BuildQueueTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : BuildQueueTests(TestStoreKind.Sqlite);
}
