namespace ImageLab.Worker.Analysis;

/// <summary>Wakes idle analysis loops when a build of this process queues an analysis (others find it when they poll).</summary>
public sealed class AnalysisSignal : IDisposable
{
    private readonly SemaphoreSlim _work = new(0, int.MaxValue);

    public void Wake() => _work.Release();

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => _work.WaitAsync(pollInterval, cancellationToken);

    public void Dispose() => _work.Dispose();
}
