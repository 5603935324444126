using System.Formats.Tar;
using System.Text.Json;
using ImageLab.Core.Builds;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class ImageOperationsTests(EngineFixture fixture)
{
    [Fact]
    public async Task SaveImageAsync_BuiltImage_StreamsDockerSaveTar()
    {
        // Arrange
        var run = await fixture.BuildAsync(fixture.CreateContext(Dockerfiles.SizesContext()), BuilderKind.BuildKit);
        var details = await fixture.Engine.InspectImageAsync(run.Tag, CancellationToken.None);

        // Act
        await using var saved = await fixture.Engine.SaveImageAsync(run.Tag, CancellationToken.None);
        var names = new List<string>();
        string? manifest = null;
        await using (var reader = new TarReader(saved))
        {
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name);
                if (entry.Name == "manifest.json")
                {
                    using var text = new StreamReader(entry.DataStream!);
                    manifest = await text.ReadToEndAsync();
                }
            }
        }

        // Assert
        Assert.True(run.Result.Succeeded, run.ToString());
        Assert.NotNull(manifest);
        var entry0 = JsonDocument.Parse(manifest).RootElement[0];
        Assert.Contains(run.Tag, entry0.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(details!.LayerDiffIds.Count, entry0.GetProperty("Layers").GetArrayLength());
        Assert.All(entry0.GetProperty("Layers").EnumerateArray(), l => Assert.Contains(l.GetString(), names));
    }

    [Fact]
    public async Task TagListRemove_BuiltImage_FollowTheEngine()
    {
        // Arrange
        var run = await fixture.BuildAsync(fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString())), BuilderKind.Classic);
        var extraTag = fixture.NewTag();
        var imageId = run.Result.ImageId!;

        // Act
        await fixture.Engine.TagImageAsync(imageId, extraTag, CancellationToken.None);
        var listed = await fixture.Engine.ListImagesAsync("imagelab.test=true", CancellationToken.None);
        var removedFirst = await fixture.Engine.RemoveImageAsync(imageId, CancellationToken.None);
        var removedAgain = await fixture.Engine.RemoveImageAsync(imageId, CancellationToken.None);
        var inspectAfter = await fixture.Engine.InspectImageAsync(imageId, CancellationToken.None);

        // Assert
        var summary = Assert.Single(listed, i => i.Id == imageId);
        Assert.Contains(run.Tag, summary.RepoTags);
        Assert.Contains(extraTag, summary.RepoTags);
        Assert.Equal("true", summary.Labels["imagelab.managed"]);
        var inspect = await fixture.DockerCliAsync("images", "--no-trunc", "--filter", "label=imagelab.test=true", "--format", "{{.ID}}");
        Assert.DoesNotContain(imageId, inspect, StringComparison.Ordinal);
        Assert.True(removedFirst);
        Assert.False(removedAgain);
        Assert.Null(inspectAfter);
    }

    [Fact]
    public async Task InspectImageAsync_MissingImage_ReturnsNull()
    {
        // Act
        var details = await fixture.Engine.InspectImageAsync($"imagelab-test/missing-{Guid.NewGuid():N}", CancellationToken.None);

        // Assert
        Assert.Null(details);
    }

    [Fact]
    public async Task ListImagesAsync_BuiltImage_SizeEqualsTheEngine()
    {
        // Arrange
        var run = await fixture.BuildAsync(fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString())), BuilderKind.BuildKit);

        // Act
        var listed = await fixture.Engine.ListImagesAsync("imagelab.test", CancellationToken.None);

        // Assert
        var summary = Assert.Single(listed, i => i.Id == run.Result.ImageId);
        var inspect = await fixture.DockerInspectAsync(run.Tag);
        Assert.Equal(inspect.GetProperty("Size").GetInt64(), summary.SizeBytes);
    }
}
