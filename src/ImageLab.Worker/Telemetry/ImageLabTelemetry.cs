using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;

namespace ImageLab.Worker.Telemetry;

/// <summary>
/// ImageLab's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <see cref="Name"/>: the queue's
/// depth and wait, build and analysis durations, failures by reason, engine health and the live events' lag, and a
/// trace per iteration (submit, queued, iteration with its build steps, measure and analyze). The pipeline calls it in
/// one-liners; exporters (Prometheus, OTLP) are the web project's business.
/// </summary>
public sealed class ImageLabTelemetry : IPublishedEventsObserver
{
    public const string Name = "ImageLab";

    /// <summary>The spans of one iteration's trace.</summary>
    public static readonly ActivitySource Source = new(Name);

    // Seconds from a few milliseconds (a live event) to half an hour (a cold build).
    private static readonly IReadOnlyList<double> SecondsBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    private readonly TimeProvider _clock;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _buildDuration;
    private readonly Histogram<double> _analysisDuration;
    private readonly Histogram<double> _eventLag;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _analysisFailures;
    private readonly ConcurrentDictionary<string, bool> _engines = new(StringComparer.Ordinal);
    private QueueDepth? _queueDepth;

    public ImageLabTelemetry(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _clock = clock;
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("imagelab.queue.depth", ObserveQueueDepth, "{iteration}",
            "Iterations waiting for a worker (status=queued) and being built (status=building), as last sampled");
        _queueWait = Seconds(meter, "imagelab.queue.wait", "From submission to a worker claiming the iteration");
        _buildDuration = Seconds(meter, "imagelab.build.duration", "The engine's build of one iteration, by builder and outcome");
        _analysisDuration = Seconds(meter, "imagelab.analysis.duration", "The layer analysis of one image (files, waste, push size)");
        _eventLag = Seconds(meter, "imagelab.events.lag", "From a build event's creation to its publication to live viewers (after it is stored)");
        _failures = meter.CreateCounter<long>("imagelab.iterations.failed", "{iteration}", "Iterations that ended Failed, by reason");
        _analysisFailures = meter.CreateCounter<long>("imagelab.analyses.failed", "{analysis}", "Layer analyses that failed (the iteration keeps its sizes)");
        meter.CreateObservableGauge("imagelab.engine.up", ObserveEngines, unit: null,
            "1 when the Docker engine answered the last health check, 0 when it did not, by endpoint");
    }

    /// <summary>
    /// Starts the iteration's span when a worker claims it, under the submission's trace, and records the time it
    /// waited (also as a <c>imagelab.queued</c> span from submission to claim).
    /// </summary>
    public Activity? StartIteration(BuildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = _clock.GetUtcNow();
        var waited = now - job.QueuedAt;
        _queueWait.Record(Math.Max(waited.TotalSeconds, 0), new KeyValuePair<string, object?>("builder", BuilderTag(job)));
        var parent = ParentOf(job);
        using (var queued = Source.StartActivity("imagelab.queued", ActivityKind.Internal, parent, startTime: job.QueuedAt))
        {
            queued?.SetTag("imagelab.iteration", job.IterationId);
        }

        var iteration = Source.StartActivity("imagelab.iteration", ActivityKind.Consumer, parent);
        iteration?.SetTag("imagelab.experiment", job.ExperimentId);
        iteration?.SetTag("imagelab.iteration", job.IterationId);
        iteration?.SetTag("imagelab.project", job.Project);
        iteration?.SetTag("imagelab.attempt", job.Attempt);
        return iteration;
    }

    /// <summary>The build's span, its steps' spans and its duration.</summary>
    public BuildTrace StartBuild(BuildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new BuildTrace(Source.StartActivity("imagelab.build"), BuilderTag(job), _buildDuration);
    }

    /// <summary>The span of inspecting the image and reading its history.</summary>
    public static Activity? StartMeasure() => Source.StartActivity("imagelab.measure");

    /// <summary>The analysis's span (under the iteration's trace even when it runs apart) and, when disposed, its duration.</summary>
    public AnalysisTrace StartAnalysis(BuildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var parent = Activity.Current?.Context ?? ParentOf(job);
        return new AnalysisTrace(Source.StartActivity("imagelab.analyze", ActivityKind.Internal, parent), _clock, _analysisDuration);
    }

    /// <summary>Counts an iteration that ended Failed; <paramref name="reason"/> is one of <see cref="FailureReasons"/>.</summary>
    public void CountFailure(string reason)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Activity.Current?.SetStatus(ActivityStatusCode.Error, reason);
    }

    /// <summary>Counts a layer analysis that failed.</summary>
    public void CountAnalysisFailure() => _analysisFailures.Add(1);

    /// <summary>Records how long the events of a batch took from creation to live viewers.</summary>
    public void EventsPublished(IEnumerable<DateTimeOffset> createdAt)
    {
        ArgumentNullException.ThrowIfNull(createdAt);
        var now = _clock.GetUtcNow();
        foreach (var at in createdAt)
        {
            _eventLag.Record(Math.Max((now - at).TotalSeconds, 0));
        }
    }

    /// <summary>The queue's depth, as <see cref="TelemetrySampler"/> last read it.</summary>
    public void SampleQueue(QueueDepth depth) => _queueDepth = depth;

    /// <summary>Whether the engine at <paramref name="endpoint"/> answered its last health check.</summary>
    public void SampleEngine(string endpoint, bool up) => _engines[endpoint] = up;

    private static ActivityContext ParentOf(BuildJob job) =>
        ActivityContext.TryParse(job.TraceParent, traceState: null, out var parent) ? parent : default;

    private static string BuilderTag(BuildJob job) => job.Builder.ToString().ToLowerInvariant();

    private static Histogram<double> Seconds(Meter meter, string name, string description) =>
        meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private IEnumerable<Measurement<long>> ObserveQueueDepth()
    {
        if (_queueDepth is not { } depth)
        {
            yield break;
        }

        yield return new Measurement<long>(depth.Queued, new KeyValuePair<string, object?>("status", "queued"));
        yield return new Measurement<long>(depth.Building, new KeyValuePair<string, object?>("status", "building"));
    }

    private IEnumerable<Measurement<int>> ObserveEngines() =>
        _engines.Select(e => new Measurement<int>(e.Value ? 1 : 0, new KeyValuePair<string, object?>("endpoint", e.Key)));
}
