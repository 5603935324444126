using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Docker.Engine;
using ImageLab.Testing;
using ImageLab.Worker.Pipeline;
using ImageLab.Worker.Tests.Analysis;

namespace ImageLab.Worker.Tests.Pipeline;

/// <summary>
/// The classic builder's cache probe fails a build when another client removes an image at that moment (seen in
/// bench/claim-scale.sh); the race cannot be timed from a test, so the engine's answer is given once through our seam.
/// </summary>
public sealed class ClassicCacheRaceTests
{
    private const string LostImage =
        "Step 2/3 (COPY a /a-67-2) failed: unable to find image \"sha256:256925054c3b839d229cb12a80316acab3c5ae8e7beefa69cb8d22e657806f9f\"";

    [Fact]
    public async Task Build_EngineLostAnImageWhileProbingItsCache_BuiltAgainOnceAndSucceeds()
    {
        // Arrange
        RacingEngine? engine = null;
        await using var harness = await PipelineHarness.StartAsync(inner => engine = new RacingEngine(inner, LostImage));

        // Act
        var experiment = await harness.BuildDockerfileAsync($"FROM busybox\nRUN echo {Guid.NewGuid()} > /stamp\n", BuilderKind.Classic, analyze: false);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error);
        Assert.Equal(2, engine!.Builds);
        Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!), iteration.SizeBytes);
        Assert.Contains(BuildEventType.Warning, await harness.ReadEventTypesAsync(experiment, iteration));
    }

    [Fact]
    public async Task Build_StepFailsOnItsOwn_NotBuiltAgain()
    {
        // Arrange
        RacingEngine? engine = null;
        await using var harness = await PipelineHarness.StartAsync(inner => engine = new RacingEngine(inner, firstAnswer: null));

        // Act
        var experiment = await harness.BuildDockerfileAsync($"FROM busybox\nRUN echo {Guid.NewGuid()} && exit 3\n", BuilderKind.Classic, analyze: false);

        // Assert
        Assert.Equal(IterationStatus.Failed, Assert.Single(experiment.Iterations).Status);
        Assert.Equal(1, engine!.Builds);
    }

    [Theory]
    [InlineData(BuilderKind.Classic, LostImage, true)]
    [InlineData(BuilderKind.BuildKit, LostImage, false)]
    [InlineData(BuilderKind.Classic, "Step 2/2 (RUN exit 3) failed: The command '/bin/sh -c exit 3' returned a non-zero code: 3", false)]
    [InlineData(BuilderKind.Classic, "unable to find image \"busybox:nope\"", false)]
    public void LostAnImage_EngineError_OnlyTheClassicBuildersProbeRace(BuilderKind builder, string error, bool expected)
    {
        Assert.Equal(expected, ClassicCacheRace.LostAnImage(builder, new BuildResult(false, null, error, 2, 0, TimeSpan.Zero)));
    }

    /// <summary>The real engine, whose first build answers <c>firstAnswer</c> (when given) as the engine would, without building.</summary>
    private sealed class RacingEngine(IDockerEngine inner, string? firstAnswer) : EngineDecorator(inner)
    {
        private int _builds;

        public int Builds => Volatile.Read(ref _builds);

        public override Task<BuildResult> BuildAsync(BuildRequest request, Stream context, IProgress<BuildEvent>? progress, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _builds) == 1 && firstAnswer is not null
                ? Task.FromResult(new BuildResult(false, null, firstAnswer, 3, 0, TimeSpan.Zero))
                : Inner.BuildAsync(request, context, progress, cancellationToken);
    }
}
