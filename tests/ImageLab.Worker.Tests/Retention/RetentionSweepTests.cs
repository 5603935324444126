using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Data.Stores;
using ImageLab.Testing;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Queue;
using ImageLab.Worker.Tests.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Tests.Retention;

public abstract class RetentionSweepTests(TestStoreKind store)
{
    [Fact]
    public async Task Sweep_OldBuilds_RemovesContextsAndLogsKeepsSizesLayersAndAnalyses()
    {
        // Arrange: two real builds; the sweep runs two days later, keeping one context per project and logs for one day.
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var older = await harness.BuildDockerfileAsync($"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /a\n", BuilderKind.Classic);
        var newer = await harness.BuildDockerfileAsync($"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /a\n", BuilderKind.Classic);
        var analysisBefore = await harness.Analyses.GetAnalysisAsync(older.Iterations[0].Id, CancellationToken.None);
        Assert.NotNull(analysisBefore);
        Assert.True(await CountContextChunksAsync(harness, older.Id) > 0);
        var sweep = Sweep(harness, new ShiftedClock(TimeSpan.FromDays(2)), keepContexts: 1, keepLogsDays: 1, keepAnalyses: 0);

        // Act
        var removed = await sweep.SweepAsync(CancellationToken.None);

        // Assert: the older experiment's context is gone, the newer's kept; both logs are one line that says why.
        Assert.Equal(new RetentionSweepResult(Contexts: 1, Logs: 2, Analyses: 0), removed);
        Assert.Equal(0, await CountContextChunksAsync(harness, older.Id));
        Assert.True(await CountContextChunksAsync(harness, newer.Id) > 0);
        var log = await harness.ReadLogAsync(older, older.Iterations[0]);
        Assert.Equal("Log removed by retention after 1 days (Retention:KeepLogsDays), on " + DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) +
            "; sizes, layers and reports are kept.", Assert.Single(log));
        var after = (await harness.Queries.GetExperimentAsync(older.Id, CancellationToken.None))!;
        Assert.Contains("the build context", after.RemovedByRetention, StringComparison.Ordinal);
        Assert.Contains("the build logs and events", after.RemovedByRetention, StringComparison.Ordinal);
        var (before, now) = (older.Iterations[0], after.Iterations[0]);
        Assert.Equal(IterationStatus.Succeeded, now.Status);
        Assert.Equal(before.SizeBytes, now.SizeBytes);
        Assert.Equal(before.Layers.Select(l => (l.Index, l.SizeBytes, l.CreatedBy)), now.Layers.Select(l => (l.Index, l.SizeBytes, l.CreatedBy)));
        var analysisAfter = await harness.Analyses.GetAnalysisAsync(older.Iterations[0].Id, CancellationToken.None);
        Assert.NotNull(analysisAfter);
        Assert.Equal(analysisBefore.Layers.Count, analysisAfter.Layers.Count);
        Assert.Equal(analysisBefore.Layers.Select(l => l.AddedBytes), analysisAfter.Layers.Select(l => l.AddedBytes));
        Assert.Null((await harness.Queries.GetExperimentAsync(newer.Id, CancellationToken.None))!.ContextRemovedAt);
    }

    [Fact]
    public async Task Sweep_TenThousandExperimentsPassingThrough_ContextsAndLogsStayBounded()
    {
        // Arrange: 10 nights of 1,000 finished experiments each (5 projects), seeded straight into the store.
        const int Nights = 10, PerNight = 1000, Projects = 5, KeepContexts = 50, KeepLogsDays = 3, EventsPerIteration = 10;
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var clock = new ShiftedClock(TimeSpan.Zero);
        var sweep = Sweep(harness, clock, KeepContexts, KeepLogsDays, keepAnalyses: 0);
        var seeder = new SyntheticHistory(harness.Contexts, Projects, EventsPerIteration);
        var start = DateTimeOffset.UtcNow;
        var chunksAfterNight = new List<long>();
        var eventsAfterNight = new List<long>();

        // Act
        for (var night = 0; night < Nights; night++)
        {
            await seeder.SeedAsync(PerNight, createdAt: start.AddDays(night));
            clock.Shift = TimeSpan.FromDays(night) + TimeSpan.FromHours(1);
            await sweep.SweepAsync(CancellationToken.None);
            await using var db = await harness.Contexts.CreateDbContextAsync();
            chunksAfterNight.Add(await db.ContextChunks.LongCountAsync());
            eventsAfterNight.Add(await db.Events.LongCountAsync());
        }

        // Assert: contexts stay at the newest 50 per project; events at the last three nights' worth plus one line per older iteration.
        await using var final = await harness.Contexts.CreateDbContextAsync();
        Assert.Equal(Nights * PerNight, await final.Experiments.CountAsync());
        Assert.Equal(Nights * PerNight, await final.Iterations.CountAsync(i => i.SizeBytes != null));
        Assert.All(chunksAfterNight, count => Assert.Equal(Projects * KeepContexts * SyntheticHistory.ChunksPerContext, count));
        const int RecentNights = KeepLogsDays;
        Assert.Equal((long)RecentNights * PerNight * EventsPerIteration + (Nights - RecentNights) * PerNight, eventsAfterNight[^1]);
        Assert.True(eventsAfterNight[^1] < (long)Nights * PerNight * EventsPerIteration / 2, string.Join(", ", eventsAfterNight));
        var size = await harness.GetService<OperationsQueries>().GetDatabaseSizeAsync(CancellationToken.None);
        Assert.Contains(size.Tables, t => t.Name == "context_chunks" || t.Name == "ContextChunks");
    }

    [Fact]
    public async Task Sweep_AnalysesPastTheNewest_RemovesFilesAndWasteKeepsTotalsAndSharedLayers()
    {
        // Arrange: two real builds on the same base; the sweep keeps the analyses of the newest experiment of the project.
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var older = await harness.BuildDockerfileAsync($"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /a\n", BuilderKind.Classic);
        var newer = await harness.BuildDockerfileAsync($"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /a\n", BuilderKind.Classic);
        var (olderId, newerId) = (older.Iterations[0].Id, newer.Iterations[0].Id);
        var olderLayers = (await harness.Analyses.GetAnalysisAsync(olderId, CancellationToken.None))!.Layers.Select(l => l.DiffId).ToList();
        var newerBefore = (await harness.Analyses.GetAnalysisAsync(newerId, CancellationToken.None))!;
        var olderBefore = (await harness.Queries.GetExperimentAsync(older.Id, CancellationToken.None))!.Iterations[0];
        var sweep = Sweep(harness, new ShiftedClock(TimeSpan.Zero), keepContexts: 0, keepLogsDays: 0, keepAnalyses: 1);

        // Act
        var removed = await sweep.SweepAsync(CancellationToken.None);

        // Assert: the older analysis says in a sentence that retention removed it; its sizes, layers and push size stay.
        Assert.Equal(new RetentionSweepResult(Contexts: 0, Logs: 0, Analyses: 1), removed);
        var state = await harness.Analyses.GetStateAsync(olderId, CancellationToken.None);
        Assert.Equal(AnalysisAvailability.RemovedByRetention, state.Availability);
        Assert.Equal(
            $"The layer analysis of iteration {olderId} (its files, waste findings and packages) was removed by retention on "
            + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            + " (Retention:KeepAnalysesOfLatestExperiments); its sizes, layers and push size are kept.", state.Sentence);
        Assert.Null(await harness.Analyses.GetAnalysisAsync(olderId, CancellationToken.None));
        var olderAfter = (await harness.Queries.GetExperimentAsync(older.Id, CancellationToken.None))!;
        Assert.Contains("the layer analyses (files, waste and packages)", olderAfter.RemovedByRetention, StringComparison.Ordinal);
        Assert.Equal((olderBefore.SizeBytes, olderBefore.CompressedSizeBytes, olderBefore.WastedBytes),
            (olderAfter.Iterations[0].SizeBytes, olderAfter.Iterations[0].CompressedSizeBytes, olderAfter.Iterations[0].WastedBytes));
        Assert.Equal(olderBefore.Layers.Select(l => (l.Index, l.SizeBytes)), olderAfter.Iterations[0].Layers.Select(l => (l.Index, l.SizeBytes)));

        // The newer analysis is whole, with the base layers it shared; the older's own layer is gone from the cache.
        var newerAfter = (await harness.Analyses.GetAnalysisAsync(newerId, CancellationToken.None))!;
        Assert.Equal(newerBefore.Layers.Select(l => (l.DiffId, l.FileCount)), newerAfter.Layers.Select(l => (l.DiffId, l.FileCount)));
        Assert.NotNull(await harness.Analyses.LoadImageAnalysisAsync(newerId, CancellationToken.None));
        Assert.Null((await harness.Queries.GetExperimentAsync(newer.Id, CancellationToken.None))!.AnalysesRemovedAt);
        await using var db = await harness.Contexts.CreateDbContextAsync();
        var cached = await db.AnalyzedLayers.Select(l => l.DiffId).ToListAsync();
        Assert.All(newerAfter.Layers, l => Assert.Contains(l.DiffId, cached));
        var olderOwn = Assert.Single(olderLayers.Except(newerAfter.Layers.Select(l => l.DiffId)));
        Assert.DoesNotContain(olderOwn, cached);
    }

    private static Task<int> CountContextChunksAsync(PipelineHarness harness, long experimentId) => Task.Run(async () =>
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        return await db.ContextChunks.CountAsync(c => c.ExperimentId == experimentId);
    });

    private static RetentionSweep Sweep(PipelineHarness harness, TimeProvider clock, int keepContexts, int keepLogsDays, int keepAnalyses) =>
        new(new RetentionStore(harness.Contexts, clock),
            Options.Create(new RetentionOptions
            {
                KeepContextsOfLatestExperiments = keepContexts, KeepLogsDays = keepLogsDays, KeepAnalysesOfLatestExperiments = keepAnalyses, BatchSize = 500,
            }),
            clock, NullLogger<RetentionSweep>.Instance);
}

public sealed class PostgresRetentionSweepTests() : RetentionSweepTests(TestStoreKind.PostgreSql);

public sealed class SqliteRetentionSweepTests() : RetentionSweepTests(TestStoreKind.Sqlite);
