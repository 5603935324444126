using ImageLab.Core.Experiments;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Advisor;

/// <summary>An iteration built by the real engine carries findings measured against the layers the engine reported.</summary>
public sealed class ExperimentFindingsTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    // Two consecutive RUNs (DL3059 on line 3); the second writes 2,000,000 bytes.
    private const string Dockerfile = "FROM busybox\nRUN mkdir -p /data\nRUN head -c 2000000 /dev/zero > /data/blob\nCMD [\"sh\"]\n";

    [Fact]
    public async Task Get_BuiltIteration_FindingsCarryTheEnginesLayerSize()
    {
        // Arrange
        var client = factory.CreateClient();
        var submitted = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", "advisor")));

        // Act
        var experiment = await Polling.WaitForAsync(
            client, submitted.Id, e => e.Iterations.All(i => i.Status is IterationStatus.Succeeded or IterationStatus.Failed), TimeSpan.FromMinutes(3), "the build");

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Succeeded, iteration.Status);
        var layer = Assert.Single(iteration.Layers, l => l.Line == 3);
        Assert.True(layer.SizeBytes >= 2_000_000, $"The engine reported {layer.SizeBytes} bytes for line 3.");
        var finding = Assert.Single(iteration.Findings, f => f.RuleId == "DL3059");
        Assert.Equal(3, finding.Line);
        Assert.Equal(layer.SizeBytes, finding.BytesAtStake);
        Assert.Contains($"layer {layer.Index}", finding.Message, StringComparison.Ordinal);
        Assert.Contains(iteration.Findings, f => f.RuleId == "IL010" && f.BytesAtStake is null);
    }
}
