using ImageLab.Data.Analysis;
using ImageLab.Data.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Analysis;

/// <summary>
/// Runs again the layer analyses that never stored an outcome. The pipeline analyzes right after storing a build's
/// results, outside the build's lease; if ImageLab is killed (or stopped) meanwhile, the iteration keeps its build
/// results and has no analysis. An analysis ends, stored as succeeded or failed, within <c>Analysis:TimeoutMinutes</c>,
/// so an iteration that finished longer ago than that (plus <see cref="Margin"/>) without an outcome was interrupted,
/// whichever process built it. Its analysis runs again here, one at a time, through the same
/// <see cref="LayerAnalysisStep"/>: when the image has been removed meanwhile, that stores a failure with the reason,
/// so the iteration is not picked again.
/// </summary>
public sealed partial class AnalysisRecovery(
    AnalysisStore analyses,
    IterationStore iterations,
    LayerAnalysisStep step,
    IOptions<AnalysisOptions> options,
    TimeProvider clock,
    ILogger<AnalysisRecovery> logger)
{
    /// <summary>Time for storing the outcome after the analysis's own limit.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>How often the worker looks for interrupted analyses.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int BatchSize = 20;

    /// <summary>Runs <see cref="SweepOnceAsync"/> every <see cref="Interval"/> until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(logger, e.Message);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Analyzes again every interrupted analysis found in one pass; returns how many ran.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        var finishedBefore = clock.GetUtcNow() - TimeSpan.FromMinutes(settings.TimeoutMinutes) - Margin;
        var ran = 0;
        foreach (var (iterationId, measurement) in await analyses.FindUnanalyzedAsync(finishedBefore, BatchSize, cancellationToken))
        {
            if (step.IsRunning(iterationId) || await iterations.GetJobAsync(iterationId, cancellationToken) is not { } job)
            {
                continue;
            }

            LogRecovering(logger, iterationId, measurement.ImageId);
            await step.RunAsync(job, measurement, cancellationToken);
            ran++;
        }

        return ran;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId}: its layer analysis was interrupted; analyzing image {ImageId} again.")]
    private static partial void LogRecovering(ILogger logger, long iterationId, string imageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for interrupted layer analyses failed; trying again later: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
