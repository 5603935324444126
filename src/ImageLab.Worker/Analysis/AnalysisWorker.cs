using ImageLab.Data.Analysis;
using ImageLab.Data.Queue;
using ImageLab.Data.Stores;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Analysis;

/// <summary>
/// Runs <see cref="AnalysisOptions.Concurrency"/> analysis loops beside the build loops, never in a build's slot: each
/// claims a waiting layer analysis from the <see cref="AnalysisQueue"/> under a lease (<c>Worker:LeaseSeconds</c>, kept by a
/// <see cref="LeaseRenewal"/> from the claim on, like a build's), runs the <see cref="LayerAnalysisStep"/> and completes it.
/// A process that is killed stops renewing, so the next one (or another worker) takes the analysis again once the lease
/// runs out; one that stops hands it back.
/// </summary>
public sealed partial class AnalysisWorker(
    AnalysisQueue queue,
    AnalysisStore analyses,
    IterationStore iterations,
    LayerAnalysisStep step,
    AnalysisSignal signal,
    IOptions<AnalysisOptions> options,
    IOptions<WorkerOptions> workerOptions,
    ILogger<AnalysisWorker> logger) : BackgroundService
{
    /// <summary>This process's name on the analysis leases it holds.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:analysis:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(_ => LoopAsync(stoppingToken)))
        : Task.CompletedTask;

    /// <summary>Claims the next waiting analysis and runs it to its end; false when none waits.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        var lease = workerOptions.Value.Lease;
        if (await queue.ClaimNextAsync(Owner, lease, stoppingToken) is not { } iterationId)
        {
            return false;
        }

        var (ended, lost) = await RunLeasedAsync(iterationId, lease, stoppingToken);
        if (ended)
        {
            await queue.CompleteAsync(iterationId, Owner, CancellationToken.None);
        }
        else if (!lost)
        {
            // Stopping: the next start (or another worker) takes it at once.
            await queue.ReleaseAsync(iterationId, Owner, CancellationToken.None);
        }

        return true;
    }

    // The lease is kept from the claim until the analysis ends; then it is completed or handed back.
    private async Task<(bool Ended, bool LeaseLost)> RunLeasedAsync(long iterationId, TimeSpan lease, CancellationToken stoppingToken)
    {
        await using var renewal = LeaseRenewal.Start(
            lease,
            cancellationToken => queue.RenewLeaseAsync(iterationId, Owner, lease, cancellationToken),
            cancelRequested: null,
            e => LogRenewalFailed(logger, iterationId, e.Message),
            stoppingToken);
        using var analysis = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, renewal.Lost);
        try
        {
            return (await RunClaimedAsync(iterationId, analysis.Token), false);
        }
        catch (OperationCanceledException) when (analysis.IsCancellationRequested)
        {
            return (false, renewal.IsLost);
        }
    }

    private async Task<bool> RunClaimedAsync(long iterationId, CancellationToken cancellationToken)
    {
        var job = await iterations.GetJobAsync(iterationId, cancellationToken);
        var measurement = await analyses.GetMeasurementAsync(iterationId, cancellationToken);
        if (job is null || measurement is null)
        {
            await analyses.SaveFailedAsync(iterationId, Owner, "The iteration has no stored image to analyze.", new AnalysisRun(0, 0, TimeSpan.Zero, false, []), cancellationToken);
            return true;
        }

        LogAnalyzing(logger, iterationId, measurement.ImageId);
        return await step.RunAsync(job, measurement, Owner, cancellationToken);
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(workerOptions.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e.Message);
                try
                {
                    await Task.Delay(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Iteration {IterationId}: analyzing the layers of image {ImageId}.")]
    private static partial void LogAnalyzing(ILogger logger, long iterationId, string imageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analysis loop hit a problem and carries on: {Reason}")]
    private static partial void LogLoopFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the analysis lease of iteration {IterationId} failed ({Reason}); the analysis goes on.")]
    private static partial void LogRenewalFailed(ILogger logger, long iterationId, string reason);
}
