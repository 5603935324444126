using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;

namespace ImageLab.Data.Events;

/// <summary>
/// Sends the end of iterations cancelled before they started to their watchers, from the process that stored the
/// cancel (a web-only one included): no worker ever touches them, so none would say so.
/// </summary>
internal sealed class CanceledIterationEvents(BuildEventWriter events) : IExperimentObserver
{
    public void Submitted(long experimentId)
    {
    }

    public void CancelRequested(long experimentId, long? iterationId, IReadOnlyList<long> canceledBeforeStart)
    {
        ArgumentNullException.ThrowIfNull(canceledBeforeStart);
        foreach (var id in canceledBeforeStart)
        {
            events.Post(experimentId, id, BuildEventType.Status, IterationStatus.Canceled, text: ExperimentCommands.CanceledBeforeStartReason);
        }
    }
}
