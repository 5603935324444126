using System.Collections.Concurrent;
using System.Diagnostics;
using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Worker.Telemetry;
using ImageLab.Worker.Tests.Analysis;

namespace ImageLab.Worker.Tests.Telemetry;

public sealed class IterationTraceTests
{
    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task Run_TracedSubmission_OneTraceFromSubmitThroughEachStepToAnalyze(BuilderKind builder)
    {
        // Arrange: record ImageLab's spans; the submission is traced, as the intake traces it.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ImageLabTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await PipelineHarness.StartAsync();
        var dockerfile = $"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /a\nRUN echo two > /b\n";

        // Act
        ExperimentDetails experiment;
        ActivityTraceId traceId;
        using (var submit = ImageLabTelemetry.Source.StartActivity("imagelab.submit"))
        {
            traceId = submit!.TraceId;
            experiment = await harness.BuildDockerfileAsync(dockerfile, builder);
        }

        // Assert
        Assert.Equal(IterationStatus.Succeeded, Assert.Single(experiment.Iterations).Status);
        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var submitted = Assert.Single(trace, s => s.OperationName == "imagelab.submit");
        var queued = Assert.Single(trace, s => s.OperationName == "imagelab.queued");
        var iteration = Assert.Single(trace, s => s.OperationName == "imagelab.iteration");
        Assert.Equal(submitted.SpanId, queued.ParentSpanId);
        Assert.Equal(submitted.SpanId, iteration.ParentSpanId);
        var build = Assert.Single(trace, s => s.OperationName == "imagelab.build");
        var measure = Assert.Single(trace, s => s.OperationName == "imagelab.measure");
        var analyze = Assert.Single(trace, s => s.OperationName == "imagelab.analyze");
        Assert.All([build, measure], s => Assert.Equal(iteration.SpanId, s.ParentSpanId));
        // The analysis runs in its own queue, after the build's slot is free: a span of the same trace, under the submission.
        Assert.Equal(submitted.SpanId, analyze.ParentSpanId);
        var steps = trace.Where(s => s.OperationName == "imagelab.step").ToList();
        Assert.True(steps.Count >= 2, $"{steps.Count} step spans");
        Assert.All(steps, s => Assert.Equal(build.SpanId, s.ParentSpanId));
        Assert.True(build.StartTimeUtc + build.Duration <= measure.StartTimeUtc, "the build ends before the measuring starts");
        Assert.True(measure.StartTimeUtc + measure.Duration <= analyze.StartTimeUtc, "the measuring ends before the analysis starts");
    }
}
