using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Hosting;

public sealed class EngineApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task DiskUsage_TestEngine_ReportsImagesAndBuildCache()
    {
        // Act
        var usage = await factory.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/api/engine/disk-usage", UriKind.Relative));

        // Assert
        Assert.Equal(TestEnvironment.DockerEndpoint, usage.GetProperty("endpoint").GetString());
        Assert.True(usage.GetProperty("allImages").GetInt32() >= usage.GetProperty("imageLabImages").GetInt32());
        Assert.True(usage.GetProperty("buildCacheBytes").GetInt64() >= usage.GetProperty("buildCacheReclaimableBytes").GetInt64());
    }

    [Fact]
    public async Task PruneBuildCache_NegativeAge_ProblemWithASentence()
    {
        // Act
        using var response = await factory.CreateClient().PostAsync(new Uri("/api/engine/prune-build-cache?unusedForHours=-1", UriKind.Relative), null);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unusedForHours must be 0 or more", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
