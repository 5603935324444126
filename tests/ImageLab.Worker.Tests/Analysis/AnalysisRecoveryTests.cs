using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;
using ImageLab.Data.Entities;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>
/// An analysis interrupted by a kill, against the real database and engine: the pipeline builds and analyzes an image,
/// then the test puts the database in the state a kill during the analysis leaves (the build's results stored, no
/// analysis outcome, no analyzed layers) and moves the build's end back past <c>Analysis:TimeoutMinutes</c>.
/// </summary>
public sealed class AnalysisRecoveryTests
{
    private const int TimeoutMinutes = 5;

    [Fact]
    public async Task SweepOnce_AnalysisInterrupted_AnalyzesTheImageAgainOnlyOnceItIsPastTheTimeout()
    {
        // Arrange
        await using var harness = await StartAsync();
        var (_, iteration) = await BuildUniqueImageAsync(harness);
        var original = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, original?.Status);
        await SimulateKillDuringAnalysisAsync(harness, iteration.Id);

        // Act
        var ranWithinTimeout = await harness.Recovery.SweepOnceAsync(CancellationToken.None);
        await MoveBuildEndBackAsync(harness, iteration.Id, TimeSpan.FromMinutes(TimeoutMinutes + 2));
        var ranPastTimeout = await harness.Recovery.SweepOnceAsync(CancellationToken.None);
        var ranAgain = await harness.Recovery.SweepOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, ranWithinTimeout);
        Assert.Equal(1, ranPastTimeout);
        Assert.Equal(0, ranAgain);
        var recovered = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.NotNull(recovered);
        Assert.Equal(AnalysisStatus.Succeeded, recovered.Status);
        Assert.Equal(original!.Layers.Count, recovered.LayersAnalyzed); // read from the engine again, not from a cache
        Assert.Equal(original.FileCount, recovered.FileCount);
        Assert.Equal(original.UncompressedSizeBytes, recovered.UncompressedSizeBytes);
        Assert.Equal(original.CompressedSizeBytes, recovered.CompressedSizeBytes);
        Assert.True((await harness.Analyses.GetStateAsync(iteration.Id, CancellationToken.None)).IsAvailable);
    }

    [Fact]
    public async Task SweepOnce_AnalysisInterruptedOnTheContainerdStore_RecoversWithTheStoresOwnPushSizes()
    {
        // Arrange: the containerd store pushes its blobs as stored; a recovery that forgot the engine would estimate gzip
        var endpoint = TestEnvironment.Engines.Select(e => e.Endpoint).Single(e => e.Contains("containerd", StringComparison.Ordinal));
        await using var harness = await StartAsync(endpoint);
        var (_, iteration) = await BuildUniqueImageAsync(harness);
        var original = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, original?.Status);
        await SimulateKillDuringAnalysisAsync(harness, iteration.Id);
        await MoveBuildEndBackAsync(harness, iteration.Id, TimeSpan.FromMinutes(TimeoutMinutes + 2));

        // Act
        var ran = await harness.Recovery.SweepOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, ran);
        var recovered = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Succeeded, recovered?.Status);
        Assert.Equal(original!.CompressedSizeBytes, recovered!.CompressedSizeBytes);
        Assert.Equal(original.Layers.Select(l => l.CompressedSizeBytes), recovered.Layers.Select(l => l.CompressedSizeBytes));
    }

    [Fact]
    public async Task SweepOnce_ImageRemovedBeforeTheRecovery_FailsWithTheReasonAndIsNotRetried()
    {
        // Arrange
        await using var harness = await StartAsync();
        var (experimentId, iteration) = await BuildUniqueImageAsync(harness);
        await SimulateKillDuringAnalysisAsync(harness, iteration.Id);
        await MoveBuildEndBackAsync(harness, iteration.Id, TimeSpan.FromMinutes(TimeoutMinutes + 2));
        await DockerCli.RunAsync("rmi", "--force", iteration.ImageId!);

        // Act
        var ran = await harness.Recovery.SweepOnceAsync(CancellationToken.None);
        var ranAgain = await harness.Recovery.SweepOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, ran);
        Assert.Equal(0, ranAgain);
        var state = await harness.Analyses.GetStateAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisAvailability.Failed, state.Availability);
        Assert.Contains("was removed from the engine", state.Sentence, StringComparison.Ordinal);
        var experiment = await harness.Queries.GetExperimentAsync(experimentId, CancellationToken.None);
        var kept = Assert.Single(experiment!.Iterations);
        Assert.Equal(IterationStatus.Succeeded, kept.Status);
        Assert.Equal(iteration.SizeBytes, kept.SizeBytes);
    }

    private static Task<PipelineHarness> StartAsync(string? endpoint = null) => PipelineHarness.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Analysis:TimeoutMinutes"] = TimeoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Docker:Endpoint"] = endpoint ?? TestEnvironment.DockerEndpoint,
    });

    /// <summary>An image no other test shares, so that removing it cannot disturb them.</summary>
    private static async Task<(long ExperimentId, IterationDetails Iteration)> BuildUniqueImageAsync(PipelineHarness harness)
    {
        var experiment = await harness.BuildDockerfileAsync(
            $"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /id && mkdir -p /data && seq 1 20000 > /data/numbers\n", BuilderKind.Classic);
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Succeeded, iteration.Status);
        return (experiment.Id, iteration);
    }

    /// <summary>What a kill during the analysis leaves: the build's results, and nothing of the analysis.</summary>
    private static async Task SimulateKillDuringAnalysisAsync(PipelineHarness harness, long iterationId)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        await db.IterationAnalysisLayers.Where(l => l.IterationId == iterationId).ExecuteDeleteAsync();
        await db.IterationAnalyses.Where(a => a.IterationId == iterationId).ExecuteDeleteAsync();
        await db.LayerAnalysisAliases.ExecuteDeleteAsync();
        await db.AnalyzedLayers.ExecuteDeleteAsync();
        Assert.Equal(AnalysisAvailability.NotAnalyzed, (await harness.Analyses.GetStateAsync(iterationId, CancellationToken.None)).Availability);
    }

    private static async Task MoveBuildEndBackAsync(PipelineHarness harness, long iterationId, TimeSpan by)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        var iteration = await db.Iterations.SingleAsync(i => i.Id == iterationId);
        iteration.FinishedAt -= by;
        await db.SaveChangesAsync();
    }
}
