using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Tests.Stores;

/// <summary>
/// An experiment's stored status follows its iterations when several of them end at the same moment (two build slots,
/// or workers on two engines): on each store, <see cref="OnPostgreSql"/> and <see cref="OnSqlite"/>.
/// </summary>
public abstract class ExperimentStatusTests(TestStoreKind store) : IAsyncLifetime
{
    private const int Experiments = 40;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Complete_BothIterationsOfAnExperimentEndAtOnce_TheExperimentSucceeded()
    {
        // Arrange: every experiment has two iterations being built, each by its own worker.
        var (experiments, claims) = await ClaimBothIterationsOfEachAsync();

        var store = _data.Services.GetRequiredService<IterationStore>();

        // Act: both iterations of each experiment complete at the same time.
        var completed = await Task.WhenAll(claims.Select(c => Task.Run(() => store.CompleteAsync(c.Iteration, c.Owner, Measurement(c.Iteration), queueAnalysis: false, CancellationToken.None))));

        // Assert
        Assert.All(completed, Assert.True);
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var statuses = await db.Experiments.Where(e => experiments.Contains(e.Id)).Select(e => e.Status).ToListAsync();
        Assert.Equal(Experiments, statuses.Count(s => s == ExperimentStatus.Succeeded));
    }

    [Fact]
    public async Task SetStatus_BothIterationsOfAnExperimentFailAtOnce_TheExperimentFailed()
    {
        // Arrange
        var (experiments, claims) = await ClaimBothIterationsOfEachAsync();

        var store = _data.Services.GetRequiredService<IterationStore>();

        // Act
        var set = await Task.WhenAll(claims.Select(c => Task.Run(() => store.SetStatusAsync(c.Iteration, c.Owner, IterationStatus.Failed, "the build failed", CancellationToken.None))));

        // Assert
        Assert.All(set, Assert.True);
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var statuses = await db.Experiments.Where(e => experiments.Contains(e.Id)).Select(e => e.Status).ToListAsync();
        Assert.Equal(Experiments, statuses.Count(s => s == ExperimentStatus.Failed));
    }

    private async Task<(List<long> Experiments, List<(long Iteration, string Owner)> Claims)> ClaimBothIterationsOfEachAsync()
    {
        var experiments = new List<long>();
        for (var e = 0; e < Experiments; e++)
        {
            experiments.Add(await _data.SubmitAsync(iterations: 2, project: "status-race"));
        }

        var claims = new List<(long Iteration, string Owner)>();
        for (var c = 0; c < Experiments * 2; c++)
        {
            var owner = $"worker-{c}";
            claims.Add((await _data.Queue.ClaimNextAsync(owner, Lease, CancellationToken.None) ?? throw new InvalidOperationException("nothing to claim"), owner));
        }

        return (experiments, claims);
    }

    private static IterationMeasurement Measurement(long iterationId) =>
        new($"sha256:{iterationId:x64}", $"imagelab/status-race:{iterationId}", 1_000 + iterationId, 0.1, 1, 1, "unix:///test.sock", []);

    public sealed class OnPostgreSql() : ExperimentStatusTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : ExperimentStatusTests(TestStoreKind.Sqlite);
}
