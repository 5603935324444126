using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// The "done when": the offline sample ladder through the REST API, followed over SignalR to the
/// end, with every size and layer equal to what the engine itself reports.
/// </summary>
public sealed class LadderPipelineTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private static readonly TimeSpan LadderTimeout = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("buildkit")]
    [InlineData("classic")]
    public async Task SubmitLadder_FollowedToEnd_SizesAndLayersEqualTheEngine(string builder)
    {
        // Arrange
        var client = factory.CreateClient();
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();
        var folder = Path.Combine(TestEnvironment.SamplesFolder, "python-offline");

        // Act
        var submitted = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFolder(folder, ("project", "greeter"), ("builder", builder), ("name", $"ladder {builder}"), ("network", "true")));
        var events = await BuildWatcher.FollowToEndAsync(hub, submitted, LadderTimeout);
        var experiment = await ExperimentUpload.GetAsync(client, submitted.Id);

        // Assert
        Assert.Equal(["1-naive", "2-slim", "3-multistage", "4-minimal", "5-cleaned"], experiment.Iterations.Select(i => i.Name));
        Assert.All(experiment.Iterations, i => Assert.True(i.Status == IterationStatus.Succeeded, $"{i.Name}: {i.Status} {i.Error}"));
        Assert.Equal(ExperimentStatus.Succeeded, experiment.Status);
        foreach (var iteration in experiment.Iterations)
        {
            await AssertMatchesEngineAsync(iteration);
        }

        var baseline = experiment.Iterations[0].SizeBytes!.Value;
        Assert.Null(experiment.Iterations[0].ReductionPercent);
        Assert.All(experiment.Iterations.Skip(1), i =>
            Assert.Equal(Math.Round((1 - ((double)i.SizeBytes!.Value / baseline)) * 100, 1), i.ReductionPercent));
        Assert.True(experiment.Iterations[^1].SizeBytes < baseline / 10, "the ladder's last image should be under a tenth of the first");
        Assert.Equal(events.Select(e => e.Sequence).Distinct().Count(), events.Count);
        Assert.True(events.Select(e => e.Sequence).SequenceEqual(events.Select(e => e.Sequence).Order()), "events arrive in sequence order");
        Assert.Contains(events, e => e.Type == BuildEventType.StepStarted && e.Text is not null && e.Text.Contains("apt-get", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Type == BuildEventType.Log);
    }

    private static async Task AssertMatchesEngineAsync(IterationDetails iteration)
    {
        Assert.NotNull(iteration.ImageId);
        Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId), iteration.SizeBytes);
        Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageTag!), iteration.SizeBytes);

        var history = await DockerCli.HistoryAsync(iteration.ImageId);
        Assert.Equal(history.Count, iteration.Layers.Count);
        var oldestFirst = history.Reverse().ToList();
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            Assert.Equal(i, iteration.Layers[i].Index);
            Assert.Equal(oldestFirst[i].Size, iteration.Layers[i].SizeBytes);
            Assert.Equal(oldestFirst[i].CreatedBy, iteration.Layers[i].CreatedBy);
        }

        // Own layers come after the base image's, and the RUN layers point at RUN lines of the Dockerfile.
        var own = iteration.Layers.SkipWhile(l => l.FromBaseImage).ToList();
        Assert.All(own, l => Assert.False(l.FromBaseImage));
        Assert.NotEmpty(own);
        var lines = iteration.DockerfileText.Split('\n');
        Assert.All(own.Where(l => l.Line is not null), l =>
            Assert.StartsWith(l.Instruction!, lines[l.Line!.Value - 1].TrimStart(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(own, l => l.Instruction == "COPY" && l.Line is not null);
    }
}
