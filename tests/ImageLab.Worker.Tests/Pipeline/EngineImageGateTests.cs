using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Docker.Engine;
using ImageLab.Testing;
using ImageLab.Worker.Tests.Analysis;

namespace ImageLab.Worker.Tests.Pipeline;

/// <summary>
/// Image retention and classic builds on one engine are kept apart (the classic builder fails a build whose cache probe
/// loses an image to a removal: <c>ClassicCacheRace</c>); BuildKit keeps its cache apart from the images and is not held up.
/// </summary>
public sealed class EngineImageGateTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RemoveExpired_DuringAClassicBuild_RemovesOnlyAfterTheBuildEnded()
    {
        // Arrange: an expired experiment's image, and a classic build that takes a few seconds.
        WatchedEngine? engine = null;
        await using var harness = await PipelineHarness.StartAsync(inner => engine = new WatchedEngine(inner));
        var expired = Assert.Single((await harness.BuildDockerfileAsync(Unique(), BuilderKind.Classic)).Iterations);
        var building = Task.Run(() => harness.BuildDockerfileAsync(Unique() + "RUN sleep 3\n", BuilderKind.Classic, analyze: false));
        await engine!.BuildStarted.WaitAsync(Guard);

        // Act: keep none (a running experiment is never expired).
        await harness.Retention.RemoveExpiredAsync(keep: 0, CancellationToken.None).WaitAsync(Guard);
        var built = Assert.Single((await building.WaitAsync(Guard)).Iterations);

        // Assert
        Assert.True(built.Status == IterationStatus.Succeeded, built.Error);
        Assert.False(await DockerCli.ImageExistsAsync(expired.ImageId!));
        Assert.NotNull(engine.FirstRemovalAt);
        Assert.True(engine.FirstRemovalAt >= engine.BuildEndedAt, $"removed at {engine.FirstRemovalAt:O}, the build ended at {engine.BuildEndedAt:O}");
    }

    [Fact]
    public async Task RemoveExpired_DuringABuildKitBuild_RemovesAtOnce()
    {
        // Arrange
        WatchedEngine? engine = null;
        await using var harness = await PipelineHarness.StartAsync(inner => engine = new WatchedEngine(inner));
        var expired = Assert.Single((await harness.BuildDockerfileAsync(Unique(), BuilderKind.BuildKit)).Iterations);
        var building = Task.Run(() => harness.BuildDockerfileAsync(Unique() + "RUN sleep 5\n", BuilderKind.BuildKit, analyze: false));
        await engine!.BuildStarted.WaitAsync(Guard);

        // Act
        await harness.Retention.RemoveExpiredAsync(keep: 0, CancellationToken.None).WaitAsync(Guard);
        var removedWhileBuilding = engine.BuildEndedAt is null;
        var built = Assert.Single((await building.WaitAsync(Guard)).Iterations);

        // Assert
        Assert.True(built.Status == IterationStatus.Succeeded, built.Error);
        Assert.False(await DockerCli.ImageExistsAsync(expired.ImageId!));
        Assert.True(removedWhileBuilding);
    }

    private static string Unique() => $"FROM busybox\nRUN echo {Guid.NewGuid():N} > /stamp\n";

    /// <summary>The real engine; notes when the second build starts and ends, and when the first image removal starts.</summary>
    private sealed class WatchedEngine(IDockerEngine inner) : EngineDecorator(inner)
    {
        private readonly TaskCompletionSource _buildStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _builds;

        public Task BuildStarted => _buildStarted.Task;

        public DateTimeOffset? BuildEndedAt { get; private set; }

        public DateTimeOffset? FirstRemovalAt { get; private set; }

        public override async Task<BuildResult> BuildAsync(BuildRequest request, Stream context, IProgress<BuildEvent>? progress, CancellationToken cancellationToken)
        {
            var watched = Interlocked.Increment(ref _builds) == 2;
            if (watched)
            {
                _buildStarted.SetResult();
            }

            var result = await Inner.BuildAsync(request, context, progress, cancellationToken);
            if (watched)
            {
                BuildEndedAt = DateTimeOffset.UtcNow;
            }

            return result;
        }

        public override Task<bool> RemoveTagAsync(string repositoryAndTag, string imageId, CancellationToken cancellationToken)
        {
            FirstRemovalAt ??= DateTimeOffset.UtcNow;
            return Inner.RemoveTagAsync(repositoryAndTag, imageId, cancellationToken);
        }

        public override Task<bool> RemoveUntaggedImageAsync(string image, CancellationToken cancellationToken)
        {
            FirstRemovalAt ??= DateTimeOffset.UtcNow;
            return Inner.RemoveUntaggedImageAsync(image, cancellationToken);
        }
    }
}
