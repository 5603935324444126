using ImageLab.Core.Builds;
using ImageLab.Docker.Builds;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class SandboxEngineTests(EngineFixture fixture)
{
    [Fact]
    public async Task GetDiskUsageAsync_AfterABuild_CountsImageLabImages()
    {
        // Arrange
        var run = await fixture.BuildAsync(fixture.CreateContext(Dockerfiles.SizesContext(Guid.NewGuid().ToString())), BuilderKind.Classic);
        var image = await fixture.Engine.InspectImageAsync(run.Result.ImageId!, CancellationToken.None);

        // Act
        var usage = await fixture.Engine.GetDiskUsageAsync(CancellationToken.None);

        // Assert
        Assert.Equal(fixture.Engine.Endpoint, usage.Endpoint);
        Assert.True(usage.ImageLabImages >= 1);
        Assert.True(usage.ImageLabImageBytes >= image!.SizeBytes);
        Assert.InRange(usage.ImageLabUniqueBytes, 0, usage.ImageLabImageBytes);
        Assert.True(usage.AllImages >= usage.ImageLabImages);
        Assert.InRange(usage.BuildCacheReclaimableBytes, 0, usage.BuildCacheBytes);
    }

    [Fact]
    public async Task PruneBuildCacheAsync_OnlyCacheOlderThanAskedFor_KeepsRecentCache()
    {
        // Arrange: nothing on a test engine is ten years old.
        var before = await fixture.Engine.GetDiskUsageAsync(CancellationToken.None);

        // Act
        var reclaimed = await fixture.Engine.PruneBuildCacheAsync(TimeSpan.FromDays(3650), CancellationToken.None);

        // Assert
        Assert.Equal(0, reclaimed);
        Assert.True(before.BuildCacheRecords >= 0);
    }

    [Theory]
    [InlineData(BuildNetworkMode.None)]
    [InlineData(BuildNetworkMode.Host)]
    public void BuildQuery_AnyRequest_GrantsNoBuildKitEntitlement(BuildNetworkMode network)
    {
        // Arrange
        var request = new BuildRequest
        {
            DockerfilePath = "Dockerfile",
            Builder = BuilderKind.BuildKit,
            NetworkMode = network,
            MemoryBytes = 64 * 1024 * 1024,
            Cpus = 1,
            BuildArgs = new Dictionary<string, string?> { ["A"] = "b" },
        };

        // Act
        var query = BuildQuery.Create(request, "id");

        // Assert: entitlements (network.host, security.insecure) travel as 'allow' fields; none is ever sent.
        var keys = query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).ToList();
        Assert.DoesNotContain("allow", keys);
        Assert.DoesNotContain("security.insecure", query, StringComparison.Ordinal);
        Assert.DoesNotContain("network.host", query, StringComparison.Ordinal);
    }
}
