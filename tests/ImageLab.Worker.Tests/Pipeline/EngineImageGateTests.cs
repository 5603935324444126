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
        // Act
        var run = await RemoveExpiredDuringABuildAsync(BuilderKind.Classic);

        // Assert
        Assert.True(run.Built.Status == IterationStatus.Succeeded, run.Built.Error);
        Assert.False(await DockerCli.ImageExistsAsync(run.Expired.ImageId!));
        Assert.True(run.FirstRemovalAt >= run.BuildEndedAt, $"removed at {run.FirstRemovalAt:O}, the build ended at {run.BuildEndedAt:O}");
    }

    [Fact]
    public async Task RemoveExpired_DuringABuildKitBuild_RemovesAtOnce()
    {
        // Act
        var run = await RemoveExpiredDuringABuildAsync(BuilderKind.BuildKit);

        // Assert
        Assert.True(run.Built.Status == IterationStatus.Succeeded, run.Built.Error);
        Assert.False(await DockerCli.ImageExistsAsync(run.Expired.ImageId!));
        Assert.True(run.FirstRemovalAt < run.BuildEndedAt, $"removed at {run.FirstRemovalAt:O}, the build ended at {run.BuildEndedAt:O}");
    }

    // An expired experiment's image, then retention while a build of a few seconds runs (keeping none: a running experiment
    // is never expired).
    private static async Task<RetentionDuringBuild> RemoveExpiredDuringABuildAsync(BuilderKind builder)
    {
        WatchedEngine? engine = null;
        await using var harness = await PipelineHarness.StartAsync(inner => engine = new WatchedEngine(inner));
        var expired = Assert.Single((await harness.BuildDockerfileAsync(Unique(), builder)).Iterations);
        var building = Task.Run(() => harness.BuildDockerfileAsync(Unique() + "RUN sleep 4\n", builder, analyze: false));
        await engine!.BuildStarted.WaitAsync(Guard);

        await harness.Retention.RemoveExpiredAsync(keep: 0, CancellationToken.None).WaitAsync(Guard);
        var built = Assert.Single((await building.WaitAsync(Guard)).Iterations);
        return new RetentionDuringBuild(expired, built, engine.FirstRemovalAt ?? DateTimeOffset.MaxValue, engine.BuildEndedAt!.Value);
    }

    private static string Unique() => $"FROM busybox\nRUN echo {Guid.NewGuid():N} > /stamp\n";

    private sealed record RetentionDuringBuild(IterationDetails Expired, IterationDetails Built, DateTimeOffset FirstRemovalAt, DateTimeOffset BuildEndedAt);

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
