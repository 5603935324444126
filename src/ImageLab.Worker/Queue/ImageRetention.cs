using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Queue;

/// <summary>Removes the images of all but the newest experiments from the engine; their numbers stay in the store.</summary>
public sealed partial class ImageRetention(
    IterationStore store, IDockerEngine engine, IOptions<WorkerOptions> options, ILogger<ImageRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keep = options.Value.KeepImagesOfLatestExperiments;
        if (keep == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RemoveExpiredAsync(keep, stoppingToken);
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
        foreach (var (experimentId, images) in await store.FindExpiredImagesAsync(keep, cancellationToken))
        {
            foreach (var image in images)
            {
                await engine.RemoveImageAsync(image, cancellationToken);
            }

            await store.MarkImagesRemovedAsync(experimentId, cancellationToken);
            LogRemoved(logger, experimentId, images.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} images of experiment {ExperimentId} (retention).")]
    private static partial void LogRemoved(ILogger logger, long experimentId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image retention failed and will try again: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
