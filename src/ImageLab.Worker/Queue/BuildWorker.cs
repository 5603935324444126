using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Data.Queue;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Queue;

/// <summary>
/// Runs <see cref="WorkerOptions.Concurrency"/> build loops that claim queued iterations, and a sweeper
/// that requeues iterations whose worker died. Layer analyses run beside them in <see cref="AnalysisWorker"/>.
/// </summary>
public sealed partial class BuildWorker(
    IBuildQueue queue,
    IterationPipeline pipeline,
    WorkSignal signal,
    BuildEventWriter events,
    IOptions<WorkerOptions> options,
    ILogger<BuildWorker> logger) : BackgroundService
{
    private static readonly TimeSpan EngineRetryDelay = TimeSpan.FromSeconds(3);

    /// <summary>This process's name on the leases it holds.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.Concurrency).Select(_ => BuildLoopAsync(stoppingToken)).ToList();
        loops.Add(SweepLoopAsync(stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task BuildLoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await queue.ClaimNextAsync(Owner, options.Value.Lease, stoppingToken);
                if (claimed is null)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                    continue;
                }

                var engineReachable = await pipeline.RunAsync(claimed.Value, Owner, stoppingToken);
                if (!engineReachable)
                {
                    await Task.Delay(EngineRetryDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e.Message);
                await DelayQuietly(poll, stoppingToken);
            }
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(options.Value.Lease.TotalMilliseconds / 2, 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var expired in await queue.RecoverExpiredLeasesAsync(options.Value.MaxAttempts, Owner, stoppingToken))
                {
                    LogRecovered(logger, expired.IterationId, expired.NewStatus, expired.Attempt);
                    events.Post(expired.ExperimentId, expired.IterationId, BuildEventType.Status, expired.NewStatus,
                        text: expired.NewStatus == IterationStatus.Queued
                            ? $"The worker building it stopped (attempt {expired.Attempt}); it will be built again."
                            : null);
                    signal.Wake();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(logger, e.Message);
            }

            await DelayQuietly(interval, stoppingToken);
        }
    }

    private static async Task DelayQuietly(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The build loop hit a problem and carries on: {Reason}")]
    private static partial void LogLoopFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId} lost its worker; now {Status} after attempt {Attempt}.")]
    private static partial void LogRecovered(ILogger logger, long iterationId, IterationStatus status, int attempt);
}
