using System.Collections.Concurrent;

namespace ImageLab.Worker.Pipeline;

/// <summary>The builds this process is running, so that a cancel stored here reaches them at once.</summary>
public sealed class RunningBuilds
{
    private readonly ConcurrentDictionary<long, (long ExperimentId, CancellationTokenSource Cancel)> _builds = new();

    public void Add(long iterationId, long experimentId, CancellationTokenSource cancel) => _builds[iterationId] = (experimentId, cancel);

    public void Remove(long iterationId) => _builds.TryRemove(iterationId, out _);

    /// <summary>Cancels the running iteration, or every running iteration of the experiment when none is named.</summary>
    public void Cancel(long experimentId, long? iterationId)
    {
        foreach (var (id, build) in _builds)
        {
            if (build.ExperimentId == experimentId && (iterationId is null || iterationId == id))
            {
                build.Cancel.Cancel();
            }
        }
    }
}
