using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Tests.Stores;

/// <summary>Submissions, cancels and the queries over them, on each store.</summary>
public abstract class ExperimentCommandsTests(TestStoreKind store) : IAsyncLifetime
{
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Submit_ContextOfSeveralChunks_ReadsBackByteForByte()
    {
        // Arrange
        var context = new byte[(3 * 1024 * 1024) + 12345];
        new Random(7).NextBytes(context);

        // Act
        var id = await _data.SubmitAsync(context: context);
        await using var stored = _data.Services.GetRequiredService<IterationStore>().OpenContext(id);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);

        // Assert
        Assert.Equal(context, copy.ToArray());
    }

    [Fact]
    public async Task Submit_TwoIterations_QueuedInOrderUnderItsProject()
    {
        // Act
        var id = await _data.SubmitAsync(iterations: 2, project: "svc");
        var experiment = await _data.Queries.GetExperimentAsync(id, CancellationToken.None);

        // Assert
        Assert.Equal("svc", experiment!.Project);
        Assert.Equal(ExperimentStatus.Queued, experiment.Status);
        Assert.Equal([1, 2], experiment.Iterations.Select(i => i.Ordinal));
        Assert.All(experiment.Iterations, i => Assert.Equal(IterationStatus.Queued, i.Status));
        Assert.Contains("svc", await _data.Queries.ListProjectsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Submit_SameNewProjectAtOnce_OneProjectRow()
    {
        // Act
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _data.SubmitAsync(project: "raced")));

        // Assert
        Assert.Single(await _data.Queries.ListProjectsAsync(CancellationToken.None), p => p == "raced");
        var page = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "raced"), CancellationToken.None);
        Assert.Equal(8, page.Total);
    }

    [Fact]
    public async Task Cancel_QueuedExperiment_EveryIterationCanceledWithAReason()
    {
        // Arrange
        var id = await _data.SubmitAsync(iterations: 3);

        // Act
        var found = await _data.Commands.CancelExperimentAsync(id, CancellationToken.None);
        var missing = await _data.Commands.CancelExperimentAsync(id + 1000, CancellationToken.None);

        // Assert
        var experiment = await _data.Queries.GetExperimentAsync(id, CancellationToken.None);
        Assert.True(found);
        Assert.False(missing);
        Assert.Equal(ExperimentStatus.Canceled, experiment!.Status);
        Assert.All(experiment.Iterations, i => Assert.Equal("Cancelled before it started.", i.Error));
        Assert.Null(await _data.Queue.ClaimNextAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task ListExperiments_DateRange_OnlyThoseCreatedInItNewestFirst()
    {
        // Arrange: four experiments created a day apart.
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await _data.SubmitAsync(project: "dated"));
        }

        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var db = await _data.Contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var createdAt = start.AddDays(i);
                await db.Experiments.Where(e => e.Id == ids[i]).ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, createdAt));
            }
        }

        // Act: from day 1 (inclusive) to day 3 (exclusive).
        var page = await _data.Queries.ListExperimentsAsync(
            new ExperimentFilter(Project: "dated", From: start.AddDays(1), To: start.AddDays(3)), CancellationToken.None);
        var all = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "dated"), CancellationToken.None);

        // Assert
        Assert.Equal([ids[2], ids[1]], page.Items.Select(e => e.Id));
        Assert.Equal(2, page.Total);
        Assert.Equal(start.AddDays(2), page.Items[0].CreatedAt);
        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], all.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task ListExperiments_Paged_NewestFirstWithTotal()
    {
        // Arrange
        for (var i = 0; i < 5; i++)
        {
            await _data.SubmitAsync(project: "paging");
        }

        // Act
        var first = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "paging", PageSize: 2), CancellationToken.None);
        var last = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "paging", PageNumber: 3, PageSize: 2), CancellationToken.None);

        // Assert
        Assert.Equal(5, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Items[0].Id > first.Items[1].Id);
        Assert.Single(last.Items);
    }

    [Fact]
    public async Task GetTrend_SucceededExperiments_NewestOnesOldestFirstWithTheirFinalIteration()
    {
        // Arrange: four experiments of two iterations a day apart; the third failed.
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await _data.SubmitAsync(iterations: 2, project: "trended"));
        }

        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var db = await _data.Contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                var createdAt = start.AddDays(i);
                var status = i == 2 ? ExperimentStatus.Failed : ExperimentStatus.Succeeded;
                await db.Experiments.Where(e => e.Id == id)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, createdAt).SetProperty(e => e.Status, status));
                await db.Iterations.Where(it => it.ExperimentId == id)
                    .ExecuteUpdateAsync(set => set.SetProperty(it => it.SizeBytes, it => (1000 * (i + 1)) + it.Ordinal).SetProperty(it => it.Name, it => "step-" + it.Ordinal));
            }
        }

        // Act: the two newest succeeded experiments.
        var trend = await _data.Queries.GetTrendAsync("trended", 2, CancellationToken.None);

        // Assert: experiments 1 and 3 (the failed one left out), oldest first, each with its final (second) iteration.
        Assert.Equal([ids[1], ids[3]], trend.Select(p => p.ExperimentId));
        Assert.Equal([2002L, 4002L], trend.Select(p => p.SizeBytes));
        Assert.All(trend, p => Assert.Equal("step-2", p.IterationName));
        Assert.Equal(start.AddDays(1), trend[0].CreatedAt);
    }

    public sealed class OnPostgreSql() : ExperimentCommandsTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : ExperimentCommandsTests(TestStoreKind.Sqlite);
}
