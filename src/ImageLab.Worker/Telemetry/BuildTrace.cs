using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImageLab.Docker.Engine;

namespace ImageLab.Worker.Telemetry;

/// <summary>
/// One build's span with a child span per build step (started and ended by the engine's step events, which arrive
/// on the engine's thread), and the build's duration by builder and outcome.
/// </summary>
public sealed class BuildTrace : IDisposable
{
    private readonly Activity? _build;
    private readonly string _builder;
    private readonly Histogram<double> _duration;
    private readonly Dictionary<int, Activity> _steps = [];
    private readonly Lock _lock = new();

    internal BuildTrace(Activity? build, string builder, Histogram<double> duration)
    {
        _build = build;
        _builder = builder;
        _duration = duration;
    }

    /// <summary>Opens a step's span when it starts and closes it when it completes.</summary>
    public void Observe(BuildEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_build is null || e.Step is not { } step)
        {
            return;
        }

        lock (_lock)
        {
            if (e.Kind == BuildEventKind.StepStarted && !_steps.ContainsKey(step))
            {
                var previous = Activity.Current;
                var span = ImageLabTelemetry.Source.StartActivity("imagelab.step", ActivityKind.Internal, _build.Context);
                Activity.Current = previous;
                span?.SetTag("imagelab.step", step);
                span?.SetTag("imagelab.step.text", e.Text);
                if (span is not null)
                {
                    _steps[step] = span;
                }
            }
            else if (e.Kind == BuildEventKind.StepCompleted && _steps.Remove(step, out var span))
            {
                span.SetTag("imagelab.step.cached", e.Cached);
                span.Stop();
            }
        }
    }

    /// <summary>Records the build's duration and outcome and ends its span.</summary>
    public void Finish(BuildResult result, double seconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Succeeded ? "succeeded" : "failed";
        _duration.Record(seconds, new("builder", _builder), new("outcome", outcome));
        _build?.SetTag("imagelab.steps.total", result.TotalSteps);
        _build?.SetTag("imagelab.steps.cached", result.CachedSteps);
        if (!result.Succeeded)
        {
            _build?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        Dispose();
    }

    public void Dispose()
    {
        if (_build is { IsStopped: true })
        {
            return;
        }

        lock (_lock)
        {
            foreach (var span in _steps.Values)
            {
                span.Stop();
            }

            _steps.Clear();
        }

        _build?.Dispose();
    }
}
