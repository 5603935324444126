using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using ImageLab.Data.Stores;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Stores;

/// <summary>The history's reads that must not grow with it: keyset pages, the capped total and the submitter list, on each store.</summary>
public abstract class HistoryAtScaleTests(TestStoreKind store) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task ListExperiments_KeysetWalkBothWays_VisitsEveryRowOnceInOrder()
    {
        // Arrange: eight experiments, three of them created in the same instant (the id breaks the tie).
        var ids = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await _data.SubmitAsync(project: "keyset"));
        }

        await using (var db = await _data.Contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var createdAt = Start.AddMinutes(i is >= 2 and <= 4 ? 2 : i);
                await db.Experiments.Where(e => e.Id == ids[i]).ExecuteUpdateAsync(set => set.SetProperty(e => e.CreatedAt, createdAt));
            }
        }

        var expected = (await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "keyset", PageSize: 100), CancellationToken.None))
            .Items.Select(e => e.Id).ToList();

        // Act: down from the first page by the "older" tokens, then up from the oldest page by the "newer" tokens.
        var down = await WalkAsync(new ExperimentFilter(Project: "keyset", PageSize: 3), page => page.Older, token => new() { OlderThan = token });
        var up = await WalkAsync(new ExperimentFilter(Project: "keyset", PageSize: 3) { Oldest = true }, page => page.Newer, token => new() { NewerThan = token });

        // Assert
        Assert.Equal(ids.AsEnumerable().Reverse(), expected);
        Assert.Equal(expected, down.SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Equal(expected, up.AsEnumerable().Reverse().SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Equal([3, 3, 2], down.Select(p => p.Items.Count));
        Assert.Null(down[0].Newer);
        Assert.All(down.Skip(1), page => Assert.NotNull(page.Newer));
        Assert.Null(up[0].Older);
        Assert.Equal([3, 3, 2], up.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task ListExperiments_MoreRowsThanItCounts_TotalIsALowerBound()
    {
        // Arrange: one more experiment than the history counts, and a few of another project.
        await SeedAsync("counted", ExperimentQueries.CountLimit + 1);
        await SeedAsync("few", 3);

        // Act
        var all = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(PageSize: 5), CancellationToken.None);
        var few = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "few"), CancellationToken.None);

        // Assert
        Assert.Equal((10_000L, true, "10,000+"), (all.Total, all.TotalIsLowerBound, all.TotalText));
        Assert.Equal(5, all.Items.Count);
        Assert.Equal((3L, false, "3"), (few.Total, few.TotalIsLowerBound, few.TotalText));
    }

    [Fact]
    public async Task ListExperiments_ProjectThatDoesNotExist_EmptyPageCountedZero()
    {
        // Arrange: the history is filtered by the project's id, looked up by its name first.
        await SeedAsync("existing", 3);

        // Act
        var page = await _data.Queries.ListExperimentsAsync(new ExperimentFilter(Project: "never-submitted"), CancellationToken.None);

        // Assert
        Assert.Empty(page.Items);
        Assert.Equal((0L, false, "0"), (page.Total, page.TotalIsLowerBound, page.TotalText));
    }

    [Fact]
    public async Task ListSubmitters_ManyExperimentsOfFewPeople_EachNameOnceAlphabetically()
    {
        // Arrange
        foreach (var name in new[] { "zed", "ada", "mia", "ada", "zed", "ada" })
        {
            await _data.SubmitAsync(project: "people", submittedBy: name);
        }

        // Act
        var submitters = await _data.Queries.ListSubmittersAsync(CancellationToken.None);

        // Assert
        Assert.Equal(["ada", "mia", "zed"], submitters);
    }

    private async Task<List<Page<ExperimentSummary>>> WalkAsync(
        ExperimentFilter first, Func<Page<ExperimentSummary>, string?> next, Func<ExperimentCursor, ExperimentFilter> position)
    {
        var pages = new List<Page<ExperimentSummary>> { await _data.Queries.ListExperimentsAsync(first, CancellationToken.None) };
        while (next(pages[^1]) is { } token && pages.Count < 10)
        {
            Assert.True(ExperimentCursor.TryParse(token, out var cursor));
            var filter = position(cursor!) with { Project = first.Project, PageSize = first.PageSize };
            pages.Add(await _data.Queries.ListExperimentsAsync(filter, CancellationToken.None));
        }

        return pages;
    }

    private async Task SeedAsync(string project, int experiments)
    {
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var owner = new Project { Name = project, CreatedAt = Start };
        db.Projects.Add(owner);
        db.Experiments.AddRange(Enumerable.Range(0, experiments).Select(i => new Experiment
        {
            Project = owner,
            Name = $"seeded {i}",
            SubmittedBy = "seeder",
            CreatedAt = Start.AddSeconds(i),
            Status = ExperimentStatus.Succeeded,
            Builder = BuilderKind.BuildKit,
        }));
        await db.SaveChangesAsync();
    }

    public sealed class OnPostgreSql() : HistoryAtScaleTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : HistoryAtScaleTests(TestStoreKind.Sqlite);
}
