using ImageLab.Data.Queue;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Queue;

/// <summary>
/// A worker whose clock reads behind the database's, as a worker's did when it read the time, then waited for a starved
/// CPU before its statement ran: on PostgreSQL, where several worker processes share the queue, its claims and renewals
/// must still hold a whole lease, or another worker's sweep takes a live build away and the engine builds it twice.
/// </summary>
public sealed class LeaseClockTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);
    private static readonly TimeSpan Behind = TimeSpan.FromHours(-1);
    private readonly DataFixture _slowWorker = new(TestStoreKind.PostgreSql, new ShiftedClock(Behind));

    public Task InitializeAsync() => _slowWorker.InitializeAsync();

    public Task DisposeAsync() => _slowWorker.DisposeAsync();

    [Fact]
    public async Task ClaimAndRenew_WorkerClockAnHourBehind_LeaseRunsFromTheDatabaseClock()
    {
        // Arrange
        await _slowWorker.SubmitAsync(iterations: 2);
        var claimed = (await _slowWorker.Queue.ClaimNextAsync("slow", Lease, CancellationToken.None))!.Value;
        var renewed = (await _slowWorker.Queue.ClaimNextAsync("slow", Lease, CancellationToken.None))!.Value;

        // Act: the renewal, then another worker's sweep.
        var renewal = await _slowWorker.Queue.RenewLeaseAsync(renewed, "slow", Lease, CancellationToken.None);
        var swept = await _slowWorker.Queue.RecoverExpiredLeasesAsync(3, "other-worker", CancellationToken.None);

        // Assert: both leases end a lease after the database's now, not an hour earlier, and neither was swept.
        Assert.Equal(LeaseState.Held, renewal);
        Assert.Empty(swept);
        await using var db = await _slowWorker.Contexts.CreateDbContextAsync();
        var remaining = await db.Database.SqlQuery<double>($"""
            SELECT extract(epoch FROM lease_expires_at - now())::float8 AS "Value" FROM iterations WHERE id IN ({claimed}, {renewed})
            """).ToListAsync();
        Assert.Equal(2, remaining.Count);
        Assert.All(remaining, seconds => Assert.InRange(seconds, 0, Lease.TotalSeconds));
        Assert.All(remaining, seconds => Assert.True(seconds > (Lease + Behind / 2).TotalSeconds, $"{seconds} s of lease left"));
    }
}
