using ImageLab.Core.Experiments;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class ExperimentLiveStateTests
{
    private static BuildEventMessage Event(long sequence, BuildEventType type, IterationStatus? status = null, int? step = null, int? total = null, bool cached = false, string? text = null) =>
        new()
        {
            Sequence = sequence,
            ExperimentId = 7,
            IterationId = 101,
            Type = type,
            At = Ladder.Created.AddSeconds(sequence),
            Status = status,
            Step = step,
            TotalSteps = total,
            Cached = cached,
            Text = text,
        };

    [Fact]
    public void Apply_BuildEvents_AdvanceStatusStepsCachedAndLog()
    {
        var state = new ExperimentLiveState(Ladder.Queued());

        var refresh = state.Apply(
        [
            Event(1, BuildEventType.Status, IterationStatus.Building),
            Event(2, BuildEventType.StepStarted, step: 1, total: 6, text: "FROM python"),
            Event(3, BuildEventType.StepCompleted, step: 1, total: 6, cached: true),
            Event(4, BuildEventType.StepStarted, step: 2, total: 6, text: "RUN apt-get update"),
            Event(5, BuildEventType.Log, text: "Get:1 http://mirror.example/debian bookworm InRelease"),
            Event(6, BuildEventType.Warning, text: "apt lists kept"),
        ]);

        var iteration = state.Iterations[0];
        Assert.False(refresh);
        Assert.Equal(IterationStatus.Building, iteration.Status);
        Assert.Equal(ExperimentStatus.Running, state.Status);
        Assert.Equal((1, 6, 1), (iteration.CompletedSteps, iteration.TotalSteps, iteration.CachedSteps));
        Assert.Equal("RUN apt-get update", iteration.CurrentStepText);
        Assert.Equal(2, iteration.Log.Count);
        Assert.True(iteration.Log.Lines[1].IsWarning);
        Assert.Equal(1, iteration.Warnings);
        Assert.Equal(Ladder.Created.AddSeconds(1), iteration.StartedAt);
        Assert.Equal(6, state.LastSequence);
    }

    [Fact]
    public void Apply_AnalysisStored_AsksForTheSnapshotWithoutTouchingStatusOrLog()
    {
        var state = new ExperimentLiveState(Ladder.Finished());

        var refresh = state.Apply([Event(40, BuildEventType.Analyzed)]);

        Assert.True(refresh);
        Assert.Equal(IterationStatus.Succeeded, state.Iterations[0].Status);
        Assert.Equal(0, state.Iterations[0].Log.Count);
    }

    [Fact]
    public void Apply_FinalStatus_AsksForTheSnapshotAndKeepsTheReason()
    {
        var state = new ExperimentLiveState(Ladder.Queued());

        var refresh = state.Apply([Event(1, BuildEventType.Status, IterationStatus.Building), Event(9, BuildEventType.Status, IterationStatus.Failed, text: "RUN exited with code 100.")]);

        Assert.True(refresh);
        Assert.Equal("RUN exited with code 100.", state.Iterations[0].Reason);
        Assert.Equal(TimeSpan.FromSeconds(8), state.Iterations[0].Elapsed(Ladder.Created.AddHours(1)));
    }

    [Fact]
    public void Apply_ReplayedEvents_AreIgnored()
    {
        var state = new ExperimentLiveState(Ladder.Queued());
        var log = Event(1, BuildEventType.Log, text: "once");

        state.Apply([log]);
        state.Apply([log]);

        Assert.Equal(1, state.Iterations[0].Log.Count);
    }

    [Fact]
    public void ApplySnapshot_AfterEvents_TakesMeasurementsAndFinalStatusFromTheStore()
    {
        var state = new ExperimentLiveState(Ladder.Queued());
        state.Apply([Event(1, BuildEventType.Status, IterationStatus.Measuring)]);

        state.ApplySnapshot(Ladder.Finished());

        Assert.Equal(IterationStatus.Succeeded, state.Iterations[0].Status);
        Assert.Equal(Ladder.Naive, state.Iterations[0].Details.SizeBytes);
        Assert.Equal(100, state.Iterations[0].ProgressPercent);
        Assert.Equal(ExperimentStatus.Succeeded, state.Status);
    }
}
