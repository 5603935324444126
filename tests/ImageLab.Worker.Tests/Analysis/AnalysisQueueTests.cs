using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;
using ImageLab.Data.Entities;
using ImageLab.Docker.Engine;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>
/// The layer analysis in its own queue, beside the builds, against the real database and engine: a build never waits
/// for another's analysis, a killed worker's analysis is taken again once its lease runs out, a fully cached image is
/// analyzed without an export, and retention keeps an image whose analysis still waits.
/// </summary>
public sealed class AnalysisQueueTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task BuildAsync_AnotherIterationsAnalysisRunning_BuildsAndSucceedsMeanwhile()
    {
        // Arrange: the first image's analysis is held inside the engine's save until the test lets it go.
        GatedSaves? gate = null;
        await using var harness = await PipelineHarness.StartAsync(engine => gate = new GatedSaves(engine));
        var project = Project();
        var first = await BuildUniqueAsync(harness, project, analyze: false).WaitAsync(Guard);
        var analyzing = Task.Run(() => harness.Analysis.RunNextAsync(CancellationToken.None));
        await gate!.Entered.WaitAsync(Guard);

        // Act
        var second = await BuildUniqueAsync(harness, project, analyze: false).WaitAsync(Guard);

        // Assert: the second build succeeded with its size while the first analysis was still inside the save.
        Assert.Equal(IterationStatus.Succeeded, second.Status);
        Assert.Equal(await DockerCli.ImageSizeAsync(second.ImageId!), second.SizeBytes);
        Assert.False(analyzing.IsCompleted);
        Assert.Equal(AnalysisAvailability.NotAnalyzed, (await harness.Analyses.GetStateAsync(first.Id, CancellationToken.None)).Availability);
        gate.Open();
        Assert.True(await analyzing.WaitAsync(Guard));
        await harness.RunAnalysesAsync();
        Assert.True((await harness.Analyses.GetStateAsync(first.Id, CancellationToken.None)).IsAvailable);
        Assert.True((await harness.Analyses.GetStateAsync(second.Id, CancellationToken.None)).IsAvailable);
    }

    [Fact]
    public async Task RunNext_AnalysisOfAKilledWorker_TakenAgainOnceItsLeaseRanOutButNotWhileAnotherHoldsIt()
    {
        // Arrange: two built images; a killed process claimed the first (its lease ran out), a live one holds the second.
        await using var harness = await PipelineHarness.StartAsync();
        var project = Project();
        var held = await BuildUniqueAsync(harness, project, analyze: false);
        var killed = await BuildUniqueAsync(harness, project, analyze: false);
        Assert.Equal(held.Id, await harness.AnalysisQueue.ClaimNextAsync("live-process", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.Equal(killed.Id, await harness.AnalysisQueue.ClaimNextAsync("killed-process", TimeSpan.FromMilliseconds(-1), CancellationToken.None));

        // Act
        var ran = await harness.RunAnalysesAsync();

        // Assert
        Assert.Equal(1, ran);
        var recovered = await harness.Analyses.GetAnalysisAsync(killed.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, recovered?.Status);
        Assert.NotNull(recovered!.CompressedSizeBytes);
        Assert.Equal(AnalysisAvailability.NotAnalyzed, (await harness.Analyses.GetStateAsync(held.Id, CancellationToken.None)).Availability);
        Assert.Equal(0, await harness.RunAnalysesAsync());
    }

    [Fact]
    public async Task RunNext_AnalysisInterruptedOnTheContainerdStore_RecoversWithTheStoresOwnPushSizes()
    {
        // Arrange: the containerd store pushes its blobs as stored; a recovery that forgot the engine would estimate gzip
        var endpoint = TestEnvironment.Engines.Select(e => e.Endpoint).Single(e => e.Contains("containerd", StringComparison.Ordinal));
        await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Docker:Endpoint"] = endpoint });
        var iteration = await BuildUniqueAsync(harness, Project(), analyze: true);
        var original = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, original?.Status);
        await SimulateKillDuringAnalysisAsync(harness, iteration.Id);

        // Act
        var ran = await harness.RunAnalysesAsync();

        // Assert
        Assert.Equal(1, ran);
        var recovered = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, recovered?.Status);
        Assert.Equal(original!.Layers.Count, recovered!.LayersAnalyzed); // read from the engine again, not from a cache
        Assert.Equal(original.CompressedSizeBytes, recovered.CompressedSizeBytes);
        Assert.Equal(original.Layers.Select(l => l.CompressedSizeBytes), recovered.Layers.Select(l => l.CompressedSizeBytes));
    }

    [Fact]
    public async Task RunNext_ImageRemovedBeforeTheAnalysis_FailsWithTheReasonAndIsNotRetried()
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync();
        var experiment = await harness.BuildDockerfileAsync(UniqueDockerfile(), BuilderKind.Classic, analyze: false, project: Project());
        var iteration = Assert.Single(experiment.Iterations);
        await DockerCli.RunAsync("rmi", "--force", iteration.ImageId!);

        // Act
        var ran = await harness.RunAnalysesAsync();
        var ranAgain = await harness.RunAnalysesAsync();

        // Assert
        Assert.Equal(1, ran);
        Assert.Equal(0, ranAgain);
        var state = await harness.Analyses.GetStateAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisAvailability.Failed, state.Availability);
        Assert.Contains("was removed from the engine", state.Sentence, StringComparison.Ordinal);
        var kept = Assert.Single((await harness.Queries.GetExperimentAsync(experiment.Id, CancellationToken.None))!.Iterations);
        Assert.Equal(IterationStatus.Succeeded, kept.Status);
        Assert.Equal(iteration.SizeBytes, kept.SizeBytes);
    }

    [Theory]
    [InlineData("FROM busybox:1.36\n")]
    [InlineData("FROM debian:bookworm-slim\nWORKDIR /app\n")]
    public async Task RunNext_EveryLayerInTheCache_AnalyzedWithoutSavingTheImage(string firstLines)
    {
        // Arrange: one image analyzed (its layers read), then the same Dockerfile built again: the same layers. An imported
        // base has no text in its history, and a WORKDIR writes a layer of only a directory, which docker history shows as
        // size 0 like the rows that write none.
        CountingSaves? saves = null;
        await using var harness = await PipelineHarness.StartAsync(engine => saves = new CountingSaves(engine));
        var project = Project();
        var dockerfile = firstLines + UniqueRun();
        var first = await BuildAsync(harness, dockerfile, project, analyze: true);
        var savesOfTheFirst = saves!.Count;
        saves.Reset();

        // Act
        var again = await BuildAsync(harness, dockerfile, project, analyze: true);

        // Assert
        Assert.True(savesOfTheFirst > 0, "The first analysis should have read the image.");
        Assert.Equal(0, saves.Count);
        var original = await harness.Analyses.GetAnalysisAsync(first.Id, CancellationToken.None);
        var analysis = await harness.Analyses.GetAnalysisAsync(again.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, analysis?.Status);
        Assert.Equal(original!.Layers.Select(l => l.DiffId), analysis!.Layers.Select(l => l.DiffId));
        Assert.Equal(original.Layers.Select(l => (l.HistoryIndex, l.CreatedBy)), analysis.Layers.Select(l => (l.HistoryIndex, l.CreatedBy)));
        Assert.Equal(0, analysis.LayersAnalyzed);
        Assert.Equal(analysis.Layers.Count, analysis.LayersFromCache);
        Assert.Equal(original.CompressedSizeBytes, analysis.CompressedSizeBytes);
        Assert.Equal(original.WastedBytes, analysis.WastedBytes);
    }

    [Fact]
    public async Task RemoveExpired_AnalysisStillWaiting_KeepsTheImageUntilItIsAnalyzed()
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync();
        var iteration = await BuildUniqueAsync(harness, Project(), analyze: false);

        // Act
        await harness.Retention.RemoveExpiredAsync(keep: 0, CancellationToken.None);
        var keptWhileWaiting = await DockerCli.ImageExistsAsync(iteration.ImageId!);
        await harness.RunAnalysesAsync();
        await harness.Retention.RemoveExpiredAsync(keep: 0, CancellationToken.None);

        // Assert
        Assert.True(keptWhileWaiting);
        Assert.True((await harness.Analyses.GetStateAsync(iteration.Id, CancellationToken.None)).IsAvailable);
        Assert.False(await DockerCli.ImageExistsAsync(iteration.ImageId!));
    }

    private static string Project() => "analysis-queue-" + Guid.NewGuid().ToString("N")[..8];

    private static string UniqueDockerfile() => "FROM busybox:1.36\n" + UniqueRun();

    private static string UniqueRun() => $"RUN echo {Guid.NewGuid():N} > /id && mkdir -p /data && seq 1 20000 > /data/numbers\n";

    private static Task<IterationDetails> BuildUniqueAsync(PipelineHarness harness, string project, bool analyze) =>
        BuildAsync(harness, UniqueDockerfile(), project, analyze);

    private static async Task<IterationDetails> BuildAsync(PipelineHarness harness, string dockerfile, string project, bool analyze)
    {
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic, analyze: analyze, project: project);
        var iteration = Assert.Single(experiment.Iterations);
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error);
        return iteration;
    }

    /// <summary>What a kill during the analysis leaves once its lease ran out: the row claimed by a dead owner, no layers cached.</summary>
    private static async Task SimulateKillDuringAnalysisAsync(PipelineHarness harness, long iterationId)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        await db.IterationAnalysisLayers.Where(l => l.IterationId == iterationId).ExecuteDeleteAsync();
        await db.IterationAnalyses.Where(a => a.IterationId == iterationId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Status, AnalysisStatus.Queued)
            .SetProperty(a => a.LeaseOwner, "killed-process")
            .SetProperty(a => a.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await db.LayerAnalysisAliases.ExecuteDeleteAsync();
        await db.AnalyzedLayers.ExecuteDeleteAsync();
        Assert.Equal(AnalysisAvailability.NotAnalyzed, (await harness.Analyses.GetStateAsync(iterationId, CancellationToken.None)).Availability);
    }

    /// <summary>The real engine, whose saves wait until <see cref="Open"/>.</summary>
    private sealed class GatedSaves(IDockerEngine inner) : EngineDecorator(inner)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a save has started (and waits).</summary>
        public Task Entered => _entered.Task;

        public void Open() => _open.TrySetResult();

        public override async Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return await Inner.SaveImageAsync(image, cancellationToken);
        }
    }

    /// <summary>The real engine, counting its saves.</summary>
    private sealed class CountingSaves(IDockerEngine inner) : EngineDecorator(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Inner.SaveImageAsync(image, cancellationToken);
        }
    }
}
