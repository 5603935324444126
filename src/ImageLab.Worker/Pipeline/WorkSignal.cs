using ImageLab.Data.Stores;

namespace ImageLab.Worker.Pipeline;

/// <summary>Wakes idle worker loops when work arrives and forwards cancels to running builds.</summary>
public sealed class WorkSignal(RunningBuilds running) : IExperimentObserver, IDisposable
{
    private readonly SemaphoreSlim _work = new(0, int.MaxValue);

    public void Submitted(long experimentId) => Wake();

    public void IterationAppended(long experimentId, long iterationId) => Wake();

    public void CancelRequested(long experimentId, long? iterationId, IReadOnlyList<long> canceledBeforeStart) =>
        running.Cancel(experimentId, iterationId);

    public void Wake() => _work.Release();

    public void Dispose() => _work.Dispose();

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _work.WaitAsync(pollInterval, cancellationToken);
}
