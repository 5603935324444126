using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ImageLab.Docker.BuildKit;
using ImageLab.Docker.BuildKit.Protos;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Tests;

public sealed class BuildKitProgressTranslatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnStatus_LogSplitInsideACharacterAndInvalidBytes_EmitsWholeLinesWithReplacement()
    {
        // Arrange
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        var utf8 = Encoding.UTF8.GetBytes("héllo\r\n");
        var status1 = new StatusResponse { Vertexes = { Vertex("d1", "[2/2] RUN echo", started: true) } };
        status1.Logs.Add(Log("d1", utf8[..2]));
        var status2 = new StatusResponse();
        status2.Logs.Add(Log("d1", [.. utf8[2..], 0xFF, 0xFE, (byte)'x']));

        // Act
        translator.OnStatus(status1);
        translator.OnStatus(status2);
        translator.OnEnd();

        // Assert
        var logs = recorder.Events.Where(e => e.Kind == BuildEventKind.Log).ToList();
        Assert.Equal(["héllo", "\uFFFD\uFFFDx"], logs.Select(l => l.Text));
        Assert.All(logs, l => Assert.Equal(1, l.Step));
    }

    [Fact]
    public void OnStatus_VertexesOfTwoStages_NumbersStepsInOrderAndSumsTotals()
    {
        // Arrange
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);

        // Act
        translator.OnStatus(new StatusResponse
        {
            Vertexes =
            {
                Vertex("i", "[internal] load build definition from Dockerfile", started: true, completed: true),
                Vertex("a", "[builder 1/2] FROM docker.io/library/busybox:latest", started: true, completed: true, cached: true),
                Vertex("b", "[builder 2/2] RUN make", started: true),
            },
        });
        translator.OnStatus(new StatusResponse
        {
            Vertexes =
            {
                Vertex("b", "[builder 2/2] RUN make", started: true, completed: true),
                Vertex("c", "[stage-1 2/3] COPY --from=builder /out /out", started: true, completed: true),
            },
        });

        // Assert
        var completed = recorder.Events.Where(e => e.Kind == BuildEventKind.StepCompleted).ToList();
        Assert.Equal([1, 2, 3], completed.Select(e => e.Step!.Value));
        Assert.Equal(["builder", "builder", "stage-1"], completed.Select(e => e.Stage));
        Assert.Equal(["FROM docker.io/library/busybox:latest", "RUN make", "COPY --from=builder /out /out"], completed.Select(e => e.Text));
        Assert.Equal([true, false, false], completed.Select(e => e.Cached));
        Assert.Equal(2, completed[0].TotalSteps);
        Assert.Equal(5, completed[2].TotalSteps);
        Assert.Equal(TimeSpan.FromSeconds(1), completed[1].Duration);
        Assert.Equal(5, translator.TotalSteps);
        Assert.Equal(1, translator.CachedSteps);
    }

    [Fact]
    public void OnStatus_VertexesLastStepFirst_NumbersStepsInBuildOrder()
    {
        // Arrange (Docker 28's BuildKit lists a message's vertexes last step first, each naming its inputs)
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        var from = Vertex("a", "[1/3] FROM docker.io/library/python:3.11-slim-bookworm", cached: true);
        var workdir = Vertex("b", "[2/3] WORKDIR /app", cached: true);
        workdir.Inputs.Add("a");
        var copy = Vertex("c", "[3/3] COPY main.py .", started: true);
        copy.Inputs.Add("b");

        // Act
        translator.OnStatus(new StatusResponse { Vertexes = { copy, workdir, from } });

        // Assert
        var started = recorder.Events.Where(e => e.Kind == BuildEventKind.StepStarted).ToList();
        Assert.Equal(["FROM docker.io/library/python:3.11-slim-bookworm", "WORKDIR /app", "COPY main.py ."], started.Select(e => e.Text));
        Assert.Equal([1, 2, 3], started.Select(e => e.Step ?? 0));
    }

    [Fact]
    public void OnStatus_TwoStagesLastStepFirst_NumbersTheBuilderStageFirst()
    {
        // Arrange (the final stage's COPY --from takes its own stage first, then the builder's last step)
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        var builderFrom = Vertex("a", "[builder 1/2] FROM docker.io/library/debian:bookworm", started: true);
        var builderRun = Vertex("b", "[builder 2/2] RUN make", started: true);
        builderRun.Inputs.Add("a");
        var runtimeFrom = Vertex("c", "[stage-1 1/2] FROM docker.io/library/debian:bookworm-slim", started: true);
        var copy = Vertex("d", "[stage-1 2/2] COPY --from=builder /out /out", started: true);
        copy.Inputs.Add("c");
        copy.Inputs.Add("b");

        // Act
        translator.OnStatus(new StatusResponse { Vertexes = { copy, runtimeFrom, builderRun, builderFrom } });

        // Assert
        var started = recorder.Events.Where(e => e.Kind == BuildEventKind.StepStarted).OrderBy(e => e.Step).ToList();
        Assert.Equal(["builder", "builder", "stage-1", "stage-1"], started.Select(e => e.Stage));
        Assert.Equal("RUN make", started[1].Text);
    }

    [Fact]
    public void OnStatus_VertexError_ReportsErrorOfThatStep()
    {
        // Arrange
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        var failed = Vertex("x", "[2/2] RUN false", started: true, completed: true);
        failed.Error = "process \"/bin/sh -c false\" did not complete successfully: exit code: 1";

        // Act
        translator.OnStatus(new StatusResponse { Vertexes = { failed } });

        // Assert
        var error = Assert.Single(recorder.Events, e => e.Kind == BuildEventKind.Error);
        Assert.Equal(1, error.Step);
        Assert.EndsWith("exit code: 1", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(recorder.Events, e => e.Kind == BuildEventKind.StepCompleted);
    }

    [Fact]
    public void OnEnd_SucceededWithAStepListedButNeverRun_ReportsItCompletedFromTheCache()
    {
        // Arrange (a rebuild on Docker 20.10: the RUN's result is in the cache, so BuildKit never runs the COPY before it
        // and lists it by name only)
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        translator.OnStatus(new StatusResponse
        {
            Vertexes =
            {
                Vertex("a", "[1/3] FROM docker.io/library/busybox:latest", started: true, completed: true),
                Vertex("b", "[2/3] COPY data.txt /data/data.txt"),
                Vertex("c", "[3/3] RUN head -c 123456 /dev/zero > /data/zeros.bin", started: true, completed: true, cached: true),
            },
        });
        translator.OnMessage(JsonDocument.Parse("""{"id":"moby.image.id","aux":{"ID":"sha256:0123"}}""").RootElement);

        // Act
        translator.OnEnd();

        // Assert
        var completed = recorder.Events.Where(e => e.Kind == BuildEventKind.StepCompleted).OrderBy(e => e.Step).ToList();
        Assert.Equal([1, 2, 3], completed.Select(e => e.Step ?? 0));
        Assert.Equal([false, true, true], completed.Select(e => e.Cached));
        Assert.Equal(2, translator.CachedSteps);
        Assert.Single(recorder.Events, e => e is { Kind: BuildEventKind.StepStarted, Step: 2 });
    }

    [Fact]
    public void OnEnd_FailedBuildWithAStepNeverRun_LeavesItUnfinished()
    {
        // Arrange
        var recorder = new EventRecorder();
        var translator = new BuildKitProgressTranslator(recorder);
        var failed = Vertex("a", "[1/2] RUN false", started: true, completed: true);
        failed.Error = "exit code: 1";
        translator.OnStatus(new StatusResponse { Vertexes = { failed, Vertex("b", "[2/2] COPY x /x") } });
        translator.Fail("exit code: 1");

        // Act
        translator.OnEnd();

        // Assert
        Assert.DoesNotContain(recorder.Events, e => e.Kind == BuildEventKind.StepCompleted);
        Assert.Equal(0, translator.CachedSteps);
    }

    private static Vertex Vertex(string digest, string name, bool started = false, bool completed = false, bool cached = false) => new()
    {
        Digest = digest,
        Name = name,
        Cached = cached,
        Started = started ? Timestamp.FromDateTimeOffset(T0) : null,
        Completed = completed ? Timestamp.FromDateTimeOffset(T0.AddSeconds(1)) : null,
    };

    private static VertexLog Log(string digest, byte[] bytes) => new()
    {
        Vertex = digest,
        Timestamp = Timestamp.FromDateTimeOffset(T0),
        Msg = ByteString.CopyFrom(bytes),
    };
}
