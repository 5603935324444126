using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Telemetry;

/// <summary>
/// Reads what no event reports, every <see cref="Interval"/>: the queue's depth from the store and, in a process
/// that builds (<c>Worker:Enabled</c>), whether its engine answers. Gauges read the last sample, so a scrape never
/// waits on the database or the engine.
/// </summary>
public sealed partial class TelemetrySampler(
    ImageLabTelemetry telemetry,
    OperationsQueries operations,
    IDockerEngine engine,
    IOptions<WorkerOptions> worker,
    TimeProvider clock,
    ILogger<TelemetrySampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SampleAsync(stoppingToken);
            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    /// <summary>Takes one sample of the queue and the engine.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            telemetry.SampleQueue(await operations.GetQueueDepthAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSampleFailed(logger, "the queue's depth", e.Message);
        }

        if (worker.Value.Enabled)
        {
            telemetry.SampleEngine(engine.Endpoint, await AnswersAsync(cancellationToken));
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await engine.GetInfoAsync(cancellationToken);
            return true;
        }
        catch (DockerEngineUnavailableException e)
        {
            LogSampleFailed(logger, "the engine's health", e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling {What} for metrics failed: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string what, string reason);
}
