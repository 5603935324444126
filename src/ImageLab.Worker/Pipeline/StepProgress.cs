using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;

namespace ImageLab.Worker.Pipeline;

/// <summary>Turns the engine's build events into stored events and a throttled step count on the iteration.</summary>
internal sealed class StepProgress(BuildJob job, BuildEventWriter events, BuildLogGuard guard, Action<int, int, int> writeSteps, TimeSpan writeInterval)
{
    private int _total;
    private int _completed;
    private int _cached;
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public void Handle(BuildEvent e)
    {
        switch (e.Kind)
        {
            case BuildEventKind.StepStarted:
                _total = Math.Max(_total, e.TotalSteps ?? e.Step ?? 0);
                Post(BuildEventType.StepStarted, e);
                break;
            case BuildEventKind.StepCompleted:
                _completed++;
                _cached += e.Cached ? 1 : 0;
                _total = Math.Max(_total, e.TotalSteps ?? e.Step ?? 0);
                Post(BuildEventType.StepCompleted, e);
                WriteStepsIfDue();
                break;
            case BuildEventKind.Log:
                if (guard.Admit(e.Text) is { } line)
                {
                    Post(BuildEventType.Log, e, line);
                }

                break;
            case BuildEventKind.Error:
                Post(BuildEventType.Log, e);
                break;
            case BuildEventKind.Warning:
                Post(BuildEventType.Warning, e);
                break;
        }
    }

    public void Flush() => writeSteps(_total, _completed, _cached);

    private void Post(BuildEventType type, BuildEvent e, string? text = null) =>
        events.Post(job.ExperimentId, job.IterationId, type, step: e.Step, totalSteps: e.TotalSteps ?? (_total > 0 ? _total : null), cached: e.Cached,
            text: text ?? guard.Mask(e.Text));

    private void WriteStepsIfDue()
    {
        var now = DateTimeOffset.UtcNow;
        if (now - _lastWrite >= writeInterval)
        {
            _lastWrite = now;
            writeSteps(_total, _completed, _cached);
        }
    }
}
