using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImageLab.Worker.Telemetry;

/// <summary>One layer analysis's span; disposing it records the analysis's duration.</summary>
public sealed class AnalysisTrace : IDisposable
{
    private readonly Activity? _span;
    private readonly TimeProvider _clock;
    private readonly Histogram<double> _duration;
    private readonly long _started;

    internal AnalysisTrace(Activity? span, TimeProvider clock, Histogram<double> duration)
    {
        _span = span;
        _clock = clock;
        _duration = duration;
        _started = clock.GetTimestamp();
    }

    public void Dispose()
    {
        _duration.Record(_clock.GetElapsedTime(_started).TotalSeconds);
        _span?.Dispose();
    }
}
