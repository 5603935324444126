using System.Globalization;
using System.Text;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class BuildTests(EngineFixture fixture)
{
    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_BusyboxDockerfile_InspectAndHistoryEqualTheEngine(BuilderKind builder)
    {
        // Arrange
        var folder = fixture.CreateContext(Dockerfiles.SizesContext());

        // Act
        var run = await fixture.BuildAsync(folder, builder);
        var details = await fixture.Engine.InspectImageAsync(run.Tag, CancellationToken.None);
        var history = await fixture.Engine.GetHistoryAsync(run.Tag, CancellationToken.None);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        Assert.NotNull(details);
        var inspect = await fixture.DockerInspectAsync(run.Tag);
        Assert.Equal(inspect.GetProperty("Id").GetString(), details.Id);
        Assert.Equal(run.Result.ImageId, details.Id);
        Assert.Equal(inspect.GetProperty("Size").GetInt64(), details.SizeBytes);
        Assert.Equal(inspect.GetProperty("Architecture").GetString(), details.Architecture);
        Assert.Equal(inspect.GetProperty("Os").GetString(), details.Os);
        Assert.Equal(inspect.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()), details.LayerDiffIds);
        var created = DateTimeOffset.Parse(inspect.GetProperty("Created").GetString()!, CultureInfo.InvariantCulture);
        Assert.True((created - details.Created).Duration() < TimeSpan.FromMilliseconds(1), $"{created:o} vs {details.Created:o}");
        Assert.Equal(["sh", "-c", "cat /data/data.txt"], details.Cmd);
        Assert.Empty(details.Entrypoint);
        Assert.Contains("GREETING=hello", details.Env);
        Assert.Equal(["8080/tcp"], details.ExposedPorts);
        Assert.Equal("true", details.Labels["imagelab.managed"]);
        Assert.Equal("true", details.Labels["imagelab.test"]);
        Assert.Equal("sizes", details.Labels["org.example.kind"]);
        Assert.Contains(run.Tag, details.RepoTags);

        var expected = await fixture.DockerHistoryAsync(run.Tag);
        Assert.Equal(expected.Count, history.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("ID").GetString(), history[i].Id);
            Assert.Equal(expected[i].GetProperty("CreatedBy").GetString(), history[i].CreatedBy);
            Assert.Equal(long.Parse(expected[i].GetProperty("Size").GetString()!, CultureInfo.InvariantCulture), history[i].SizeBytes);
            Assert.Equal(expected[i].GetProperty("Comment").GetString(), history[i].Comment);
            Assert.Equal(DateTimeOffset.Parse(expected[i].GetProperty("CreatedAt").GetString()!, CultureInfo.InvariantCulture), history[i].Created);
            Assert.Equal(history[i].SizeBytes == 0, history[i].EmptyLayer);
        }

        var zeros = Assert.Single(history, h => h.CreatedBy.Contains("head -c 123456", StringComparison.Ordinal));
        Assert.InRange(zeros.SizeBytes, 123456, 123456 + 4096);
        Assert.Contains(history, h => h.CreatedBy.Contains("ENV GREETING=hello", StringComparison.Ordinal) && h.EmptyLayer);
        Assert.Contains(run.Tag, history[0].Tags);
    }

    [Fact]
    public async Task BuildAsync_Classic_ReportsStepsOfTotalAndLogLines()
    {
        // Arrange
        var folder = fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString()));

        // Act
        var run = await fixture.BuildAsync(folder, BuilderKind.Classic);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        // The classic builder adds a LABEL step of its own for the labels the request passes.
        Assert.True(run.Result.TotalSteps >= 7, run.ToString());
        var started = run.Events.Where(e => e.Kind == BuildEventKind.StepStarted).ToList();
        Assert.Equal(Enumerable.Range(1, run.Result.TotalSteps), started.Select(e => e.Step!.Value));
        Assert.All(started, e => Assert.Equal(run.Result.TotalSteps, e.TotalSteps));
        Assert.Equal("FROM busybox:latest", started[0].Text);
        Assert.StartsWith("RUN head -c 123456", started[2].Text, StringComparison.Ordinal);
        Assert.Equal(run.Result.TotalSteps, run.Events.Count(e => e.Kind == BuildEventKind.StepCompleted));
        Assert.Contains(run.Events, e => e.Kind == BuildEventKind.Log && e.Step == 3 && e.Text == "wrote-zeros");
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_Rebuild_ReportsCachedSteps(BuilderKind builder)
    {
        // Arrange
        var folder = fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString()));
        var first = await fixture.BuildAsync(folder, builder);

        // Act
        var second = await fixture.BuildAsync(folder, builder);

        // Assert
        Assert.True(first.Result.Succeeded, first.ToString());
        Assert.True(second.Result.Succeeded, second.ToString());
        Assert.Equal(first.Result.ImageId, second.Result.ImageId);
        var firstRun = first.Events.Single(e => e.Kind == BuildEventKind.StepCompleted && e.Text!.StartsWith("RUN head", StringComparison.Ordinal));
        var secondRun = second.Events.Single(e => e.Kind == BuildEventKind.StepCompleted && e.Text!.StartsWith("RUN head", StringComparison.Ordinal));
        Assert.False(firstRun.Cached);
        Assert.True(secondRun.Cached);
        Assert.NotNull(secondRun.Duration);
        Assert.True(second.Result.CachedSteps >= 2, second.ToString());
        Assert.Equal(first.Result.TotalSteps, second.Result.TotalSteps);
    }

    [Fact]
    public async Task BuildAsync_BuildKit_DecodesStepNamesNumbersAndLogs()
    {
        // Arrange
        var folder = fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString()));

        // Act
        var run = await fixture.BuildAsync(folder, BuilderKind.BuildKit);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        Assert.Equal(3, run.Result.TotalSteps);
        var started = run.Events.Where(e => e.Kind == BuildEventKind.StepStarted).ToList();
        Assert.Equal([1, 2, 3], started.Select(e => e.Step!.Value).Order());
        Assert.All(started, e => Assert.Equal(3, e.TotalSteps));
        Assert.Contains(started, e => e.Text == "FROM docker.io/library/busybox:latest");
        Assert.Contains(started, e => e.Text == "COPY data.txt /data/data.txt");
        var run3 = Assert.Single(run.Events, e => e.Kind == BuildEventKind.StepCompleted && e.Text!.StartsWith("RUN head -c 123456", StringComparison.Ordinal));
        Assert.False(run3.Cached);
        Assert.True(run3.Duration > TimeSpan.Zero);
        Assert.Contains(run.Events, e => e.Kind == BuildEventKind.Log && e.Step == run3.Step && e.Text == "wrote-zeros");
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_MultiStage_NamesTheImagesEarlierStagesLeftBehind(BuilderKind builder)
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"""
                FROM busybox:latest AS builder
                RUN echo {Guid.NewGuid():N} > /artifact
                FROM busybox:latest AS tester
                RUN echo {Guid.NewGuid():N} > /report
                FROM busybox:latest
                COPY --from=builder /artifact /artifact
                """,
        });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert: the classic builder leaves one untagged image per earlier stage; BuildKit none.
        Assert.True(run.Result.Succeeded, run.ToString());
        var dangling = (await fixture.DockerCliAsync("images", "--filter", "dangling=true", "--quiet", "--no-trunc")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (builder == BuilderKind.Classic)
        {
            Assert.Equal(2, run.Result.StageImageIds.Count);
            Assert.All(run.Result.StageImageIds, id => Assert.Contains(dangling, d => d.StartsWith("sha256:" + id, StringComparison.Ordinal)));
            foreach (var id in run.Result.StageImageIds)
            {
                Assert.True(await fixture.Engine.RemoveUntaggedImageAsync(id, CancellationToken.None));
            }

            var after = await fixture.DockerCliAsync("images", "--filter", "dangling=true", "--quiet", "--no-trunc");
            Assert.All(run.Result.StageImageIds, id => Assert.DoesNotContain("sha256:" + id, after, StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(run.Result.StageImageIds);
        }
    }

    [Fact]
    public async Task RemoveUntaggedImageAsync_TaggedImage_KeepsIt()
    {
        var busybox = await fixture.Engine.InspectImageAsync("busybox:latest", CancellationToken.None);

        Assert.False(await fixture.Engine.RemoveUntaggedImageAsync(busybox!.Id, CancellationToken.None));
        Assert.NotNull(await fixture.Engine.InspectImageAsync("busybox:latest", CancellationToken.None));
    }

    [Fact]
    public async Task BuildAsync_BuildKitMultiStage_NumbersStepsAcrossStages()
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"""
                FROM busybox:latest AS builder
                RUN echo {Guid.NewGuid():N} > /artifact
                RUN wc -c /artifact
                FROM busybox:latest
                COPY --from=builder /artifact /artifact
                """,
        });

        // Act
        var run = await fixture.BuildAsync(folder, BuilderKind.BuildKit);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        var started = run.Events.Where(e => e.Kind == BuildEventKind.StepStarted).ToList();
        Assert.Equal(started.Count, started.Select(e => e.Step).Distinct().Count());
        Assert.Contains(started, e => e.Stage == "builder" && e.Text!.StartsWith("RUN wc -c", StringComparison.Ordinal));
        Assert.Contains(started, e => e.Stage == "stage-1" && e.Text == "COPY --from=builder /artifact /artifact");
        Assert.Equal(5, run.Result.TotalSteps);
    }

    [Theory]
    [InlineData(BuilderKind.Classic, "returned a non-zero code: 3")]
    [InlineData(BuilderKind.BuildKit, "exit code: 3")]
    public async Task BuildAsync_FailingRun_ReturnsTheEngineErrorAndTheOutput(BuilderKind builder, string expected)
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"FROM busybox:latest\nRUN echo boom-{Guid.NewGuid():N} && exit 3\n",
        });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert
        Assert.False(run.Result.Succeeded);
        Assert.Null(run.Result.ImageId);
        Assert.Contains(expected, run.Result.Error, StringComparison.Ordinal);
        Assert.Contains(run.LogLines, l => l.StartsWith("boom-", StringComparison.Ordinal));
        Assert.Contains(run.Events, e => e.Kind == BuildEventKind.Error);
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_DockerfileSyntaxError_ReturnsTheEngineMessage(BuilderKind builder)
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object> { ["Dockerfile"] = "FROM busybox:latest\nFORM busybox\n" });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert
        Assert.False(run.Result.Succeeded);
        Assert.Contains("unknown instruction: FORM", run.Result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_UnknownBaseImage_FailsWithTheEnginesReasonNamingTheImage(BuilderKind builder)
    {
        // Arrange
        var image = $"imagelab-missing-{Guid.NewGuid():N}:1";
        var folder = fixture.CreateContext(new Dictionary<string, object> { ["Dockerfile"] = $"FROM {image}\nRUN true\n" });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert: the engine's own reason (no route to the registry here, "not found" where there is one) names the image.
        Assert.False(run.Result.Succeeded);
        Assert.Contains(image.Split(':')[0], run.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_CrlfDockerfileWithBom_Builds(BuilderKind builder)
    {
        // Arrange
        var text = $"FROM busybox:latest\r\nRUN echo crlf-{Guid.NewGuid():N} > /crlf.txt\r\nCMD [\"cat\", \"/crlf.txt\"]\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var folder = fixture.CreateContext(new Dictionary<string, object> { ["Dockerfile"] = bytes });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        var details = await fixture.Engine.InspectImageAsync(run.Tag, CancellationToken.None);
        Assert.Equal(["cat", "/crlf.txt"], details!.Cmd);
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_RunPrintsInvalidUtf8_LogsItWithReplacementCharacters(BuilderKind builder)
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"FROM busybox:latest\nRUN printf 'bytes:\\377\\376:end-{Guid.NewGuid():N}\\n'\n",
        });

        // Act
        var run = await fixture.BuildAsync(folder, builder);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        var line = Assert.Single(run.LogLines, l => l.StartsWith("bytes:", StringComparison.Ordinal));
        Assert.Contains('\uFFFD', line);
        Assert.Contains(":end-", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_ContextOverItsLimit_ThrowsBuildContextException()
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = "FROM busybox:latest\nCOPY . /ctx\n",
            ["big.bin"] = new byte[3 << 20],
        });
        var request = new BuildRequest { DockerfilePath = "Dockerfile", Tags = [fixture.NewTag()] };
        var options = new BuildContextOptions { MaxTotalBytes = 1 << 20 };
        await using var context = BuildContextStream.Start((output, ct) => BuildContextWriter.WriteDirectoryAsync(folder, output, options, ct), CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<BuildContextException>(() => fixture.Engine.BuildAsync(request, context, null, CancellationToken.None));

        // Assert
        Assert.Contains("larger than the limit of 1.05 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_DebianBase_SizesEqualTheEngine()
    {
        // Arrange
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"FROM debian:bookworm\nRUN echo {Guid.NewGuid():N} > /etc/imagelab-test && rm -rf /usr/share/doc\n",
        });

        // Act
        var run = await fixture.BuildAsync(folder, BuilderKind.BuildKit);
        var details = await fixture.Engine.InspectImageAsync(run.Tag, CancellationToken.None);
        var history = await fixture.Engine.GetHistoryAsync(run.Tag, CancellationToken.None);

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        var inspect = await fixture.DockerInspectAsync(run.Tag);
        Assert.Equal(inspect.GetProperty("Size").GetInt64(), details!.SizeBytes);
        var expected = await fixture.DockerHistoryAsync(run.Tag);
        Assert.Equal(expected.Select(e => long.Parse(e.GetProperty("Size").GetString()!, CultureInfo.InvariantCulture)), history.Select(h => h.SizeBytes));
        Assert.Equal(expected.Select(e => e.GetProperty("CreatedBy").GetString()), history.Select(h => h.CreatedBy));
    }
}
