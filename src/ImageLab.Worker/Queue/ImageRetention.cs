using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Queue;

/// <summary>
/// Removes the images of all but the newest experiments from the engine (their numbers stay in the store), and
/// prunes build cache unused for <c>Worker:PruneBuildCacheAfterHours</c>.
/// </summary>
public sealed partial class ImageRetention(
    IterationStore store, IDockerEngine engine, EngineImageGate gate, IOptions<WorkerOptions> options, ILogger<ImageRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keep = options.Value.KeepImagesOfLatestExperiments;
        var pruneAfter = TimeSpan.FromHours(options.Value.PruneBuildCacheAfterHours);
        if (keep == 0 && pruneAfter == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                if (keep > 0)
                {
                    await RemoveExpiredAsync(keep, stoppingToken);
                }

                if (pruneAfter > TimeSpan.Zero)
                {
                    await engine.PruneBuildCacheAsync(pruneAfter, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RemoveExpiredAsync(int keep, CancellationToken cancellationToken)
    {
        foreach (var expired in await store.FindExpiredImagesAsync(keep, cancellationToken))
        {
            // One experiment's images at a time, while no classic build runs on the engine (builds wait for one experiment's).
            await gate.RemoveAsync(async cancel =>
            {
                // By tag and id: on an engine shared with another ImageLab, the same tag may name that one's image by now.
                foreach (var image in expired.Images)
                {
                    await engine.RemoveTagAsync(image.Tag, image.ImageId, cancel);
                    await engine.RemoveUntaggedImageAsync(image.ImageId, cancel);
                }

                // The classic builder's earlier stages: untagged, and gone once no later build uses them as cache.
                foreach (var stage in expired.StageImageIds)
                {
                    await engine.RemoveUntaggedImageAsync(stage, cancel);
                }
            }, cancellationToken);

            await store.MarkImagesRemovedAsync(expired.ExperimentId, cancellationToken);
            LogRemoved(logger, expired.ExperimentId, expired.Images.Count + expired.StageImageIds.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} images of experiment {ExperimentId} (retention).")]
    private static partial void LogRemoved(ILogger logger, long experimentId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image retention failed and will try again: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
