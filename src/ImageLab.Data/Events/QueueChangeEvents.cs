using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;

namespace ImageLab.Data.Events;

/// <summary>
/// Sends watchers the changes to the queue that no worker announces, from the process that stored them (a web-only
/// one included): an iteration appended to an experiment (a suggestion), so that every open page shows it before its
/// first build event, and the end of iterations cancelled before they started, which no worker ever touches.
/// </summary>
internal sealed class QueueChangeEvents(BuildEventWriter events) : IExperimentObserver
{
    public void Submitted(long experimentId)
    {
    }

    public void IterationAppended(long experimentId, long iterationId) =>
        events.Post(experimentId, iterationId, BuildEventType.Status, IterationStatus.Queued);

    public void CancelRequested(long experimentId, long? iterationId, IReadOnlyList<long> canceledBeforeStart)
    {
        ArgumentNullException.ThrowIfNull(canceledBeforeStart);
        foreach (var id in canceledBeforeStart)
        {
            events.Post(experimentId, id, BuildEventType.Status, IterationStatus.Canceled, text: ExperimentCommands.CanceledBeforeStartReason);
        }
    }
}
