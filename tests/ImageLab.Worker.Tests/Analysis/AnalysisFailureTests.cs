using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;
using ImageLab.Data.Entities;
using ImageLab.Docker.Engine;
using ImageLab.Testing;

namespace ImageLab.Worker.Tests.Analysis;

public sealed class AnalysisFailureTests
{
    [Fact]
    public async Task Pipeline_SaveStreamCutShort_KeepsTheBuildAndStoresTheReason()
    {
        await using var harness = await PipelineHarness.StartAsync(engine => new TruncatingEngine(engine, keepBytes: 3 * 1024 * 1024));

        var experiment = await harness.BuildLadderAsync("Dockerfile.5-cleaned");

        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Succeeded, iteration.Status);
        Assert.Null(iteration.Error);
        Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!), iteration.SizeBytes);
        Assert.NotEmpty(iteration.Layers);
        Assert.Null(iteration.CompressedSizeBytes);

        var analysis = await harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.NotNull(analysis);
        Assert.Equal(AnalysisStatus.Failed, analysis.Status);
        Assert.False(string.IsNullOrWhiteSpace(analysis.FailureReason));
        var state = await harness.Analyses.GetStateAsync(iteration.Id, CancellationToken.None);
        Assert.Equal(AnalysisAvailability.Failed, state.Availability);
        Assert.Contains(analysis.FailureReason!, state.Sentence, StringComparison.Ordinal);
        Assert.Equal(BuildEventType.Analyzed, (await harness.ReadEventTypesAsync(experiment, iteration))[^1]);
    }

    /// <summary>The real engine, except that <c>docker save</c> ends after a few megabytes, as a dropped connection would.</summary>
    private sealed class TruncatingEngine(IDockerEngine inner, long keepBytes) : EngineDecorator(inner)
    {
        public override async Task<Stream> SaveImageAsync(string image, CancellationToken cancellationToken)
        {
            var save = await Inner.SaveImageAsync(image, cancellationToken);
            var head = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while (head.Length < keepBytes && (read = await save.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, keepBytes - head.Length)), cancellationToken)) > 0)
            {
                head.Write(buffer, 0, read);
            }

            await save.DisposeAsync();
            head.Position = 0;
            return head;
        }
    }
}
