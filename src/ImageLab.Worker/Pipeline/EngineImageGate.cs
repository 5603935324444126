using ImageLab.Core.Builds;
using ImageLab.Data.Coordination;
using ImageLab.Docker.Engine;
using Microsoft.Extensions.Logging;

namespace ImageLab.Worker.Pipeline;

/// <summary>
/// Every classic build and every image removal of this installation go through here, so that none of its removals
/// lands while its classic builder compares a step with the images that could cache it (<see cref="ClassicCacheRace"/>:
/// 22 of 1,000 iterations of bench/claim-scale.sh failed so while retention swept the same engine). Builds never wait
/// for more than the removals in hand. Removals wait for a moment when no classic build runs on the engine, and after
/// <see cref="Patience"/> without one, they wait for the running builds to end while new ones wait behind them.
/// BuildKit keeps its cache apart from the images, so its builds pass freely.
/// </summary>
public sealed partial class EngineImageGate(IDockerEngine engine, IEngineImageLock engineLock, TimeProvider clock, ILogger<EngineImageGate> logger)
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastLook = TimeSpan.FromSeconds(1);

    public async Task<BuildResult> BuildAsync(BuildRequest request, Stream context, IProgress<BuildEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Builder != BuilderKind.Classic)
        {
            return await engine.BuildAsync(request, context, progress, cancellationToken);
        }

        await using var held = await engineLock.EnterBuildAsync(await EngineIdAsync(cancellationToken), cancellationToken);
        return await engine.BuildAsync(request, context, progress, cancellationToken);
    }

    /// <summary>Runs <paramref name="removals"/> (a few images' worth: builds wait for all of it) while no classic build runs.</summary>
    public async Task RemoveAsync(Func<CancellationToken, Task> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removals);
        var engineId = await EngineIdAsync(cancellationToken);
        await using var held = await EnterRemovalAsync(engineId, cancellationToken);
        await removals(cancellationToken);
    }

    private async Task<IAsyncDisposable> EnterRemovalAsync(string engineId, CancellationToken cancellationToken)
    {
        var givingUpAt = clock.GetUtcNow() + Patience;
        var pause = FirstLook;
        while (clock.GetUtcNow() < givingUpAt)
        {
            if (await engineLock.TryEnterRemovalAsync(engineId, cancellationToken) is { } held)
            {
                return held;
            }

            await Task.Delay(pause, clock, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastLook.Ticks));
        }

        LogWaitingForBuilds(logger, engine.Endpoint, Patience.TotalMinutes);
        return await engineLock.EnterRemovalAsync(engineId, cancellationToken);
    }

    private async Task<string> EngineIdAsync(CancellationToken cancellationToken) => (await engine.DescribeAsync(cancellationToken)).Id;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Classic builds kept {Endpoint} busy for {Minutes} minutes: image removal now waits for the running ones to end, and new ones wait behind it.")]
    private static partial void LogWaitingForBuilds(ILogger logger, string endpoint, double minutes);
}
