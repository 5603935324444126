using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using ImageLab.Worker.Queue;

namespace ImageLab.Web.Tests.Api;

public sealed class ImageRetentionTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task RemoveExpired_KeepNewestOne_OlderImagesGoneTheirNumbersStay()
    {
        // Arrange
        var client = factory.CreateClient();
        var (older, newer) = await BuildTwoExperimentsAsync(client, "retention");

        // Act
        await factory.GetService<ImageRetention>().RemoveExpiredAsync(keep: 1, CancellationToken.None);

        // Assert
        var olderAfter = await ExperimentUpload.GetAsync(client, older.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => DockerCli.ImageSizeAsync(older.Iterations[0].ImageTag!));
        Assert.Equal(older.Iterations[0].SizeBytes, olderAfter.Iterations[0].SizeBytes);
        Assert.Equal(older.Iterations[0].Layers.Count, olderAfter.Iterations[0].Layers.Count);
        Assert.Equal(newer.Iterations[0].SizeBytes, await DockerCli.ImageSizeAsync(newer.Iterations[0].ImageTag!));
    }

    [Fact]
    public async Task RemoveExpired_TagNowNamesAnotherImageLabsImage_ThatImageStaysOursGoes()
    {
        // Arrange: two built experiments; then another ImageLab on the same engine gives the older one's tag to its own image.
        var client = factory.CreateClient();
        var (older, newer) = await BuildTwoExperimentsAsync(client, "shared-engine");
        var built = new[] { older.Iterations[0], newer.Iterations[0] };

        var otherTag = $"imagelab-test/other-instance:{Guid.NewGuid():N}";
        var context = Directory.CreateTempSubdirectory("imagelab-other-instance-");
        await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM busybox\nRUN echo {Guid.NewGuid()} > /other\n");
        await DockerCli.RunAsync("build", "-q", "-t", otherTag, context.FullName);
        context.Delete(recursive: true);
        var otherId = (await DockerCli.RunAsync("image", "inspect", "--format", "{{.Id}}", otherTag)).Trim();
        await DockerCli.RunAsync("tag", otherTag, built[0].ImageTag!);
        await DockerCli.RunAsync("rmi", otherTag);

        try
        {
            // Act
            await factory.GetService<ImageRetention>().RemoveExpiredAsync(keep: 1, CancellationToken.None);

            // Assert: the other ImageLab's image keeps the tag; ours, untagged by it, is gone; the newer one stays.
            Assert.Equal(otherId, (await DockerCli.RunAsync("image", "inspect", "--format", "{{.Id}}", built[0].ImageTag!)).Trim());
            await Assert.ThrowsAsync<InvalidOperationException>(() => DockerCli.ImageSizeAsync(built[0].ImageId!));
            Assert.Equal(built[1].SizeBytes, await DockerCli.ImageSizeAsync(built[1].ImageId!));
        }
        finally
        {
            await DockerCli.RunAsync("rmi", "-f", otherId);
        }
    }

    // Two experiments of one tiny iteration each, built and analyzed (retention keeps an image whose analysis still waits).
    private static async Task<(ExperimentDetails Older, ExperimentDetails Newer)> BuildTwoExperimentsAsync(HttpClient client, string project)
    {
        var built = new List<ExperimentDetails>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var submitted = await ExperimentUpload.SubmitAsync(client,
                ExperimentUpload.FromFiles([("Dockerfile", $"FROM busybox\nRUN echo {Guid.NewGuid()} > /stamp\n")], ("project", project)));
            var done = await Polling.WaitForAsync(client, submitted.Id, e => e.Status.IsFinal(), TimeSpan.FromMinutes(2), "the build");
            await AnalysisPolling.WaitForAsync(client, done.Iterations[0].Id, TimeSpan.FromMinutes(2));
            built.Add(await ExperimentUpload.GetAsync(client, submitted.Id));
        }

        return (built[0], built[1]);
    }
}
