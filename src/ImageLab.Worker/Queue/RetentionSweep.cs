using System.Globalization;
using ImageLab.Data.Stores;
using ImageLab.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Queue;

/// <summary>
/// Once a night (<c>Retention:SweepTimeUtc</c>), in batches: removes the build contexts of all but the newest experiments
/// of each project, the logs and events of experiments older than <c>Retention:KeepLogsDays</c>, and the analyses' files,
/// waste findings and package data of all but the newest (<c>Retention:KeepAnalysesOfLatestExperiments</c>). Runs in worker processes.
/// </summary>
public sealed partial class RetentionSweep(
    RetentionStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextSweep(clock.GetUtcNow(), options.Value.SweepTimeUtc), clock, stoppingToken);
            try
            {
                var removed = await SweepAsync(stoppingToken);
                LogSwept(logger, removed.Contexts, removed.Logs, removed.Analyses);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    /// <summary>The time from <paramref name="now"/> to the next <paramref name="timeOfDay"/> (UTC), never zero.</summary>
    public static TimeSpan UntilNextSweep(DateTimeOffset now, TimeSpan timeOfDay)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + timeOfDay;
        return (today > now ? today : today.AddDays(1)) - now;
    }

    /// <summary>Runs one sweep to its end, batch by batch; returns how many experiments lost their context, their logs and their analyses' files.</summary>
    public async Task<RetentionSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var contexts = 0;
        var logs = 0;
        if (settings.KeepContextsOfLatestExperiments > 0)
        {
            while (await store.RemoveContextsAsync(settings.KeepContextsOfLatestExperiments, settings.BatchSize, cancellationToken) is > 0 and var count)
            {
                contexts += count;
            }
        }

        if (settings.KeepLogsDays > 0)
        {
            var now = clock.GetUtcNow();
            var note = string.Create(CultureInfo.InvariantCulture,
                $"Log removed by retention after {settings.KeepLogsDays} days (Retention:KeepLogsDays), on {now:yyyy-MM-dd}; sizes, layers and reports are kept.");
            while (await store.RemoveLogsAsync(now.AddDays(-settings.KeepLogsDays), note, settings.BatchSize, cancellationToken) is > 0 and var count)
            {
                logs += count;
            }
        }

        var analyses = 0;
        if (settings.KeepAnalysesOfLatestExperiments > 0)
        {
            while (await store.RemoveAnalysesAsync(settings.KeepAnalysesOfLatestExperiments, settings.BatchSize, cancellationToken) is > 0 and var count)
            {
                analyses += count;
            }
        }

        return new RetentionSweepResult(contexts, logs, analyses);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed the build contexts of {Contexts} experiments, the logs of {Logs} and the analyses' files of {Analyses}.")]
    private static partial void LogSwept(ILogger logger, int contexts, int logs, int analyses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention sweep failed and will run again next night: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
