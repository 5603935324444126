using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class EngineInfoTests(EngineFixture fixture)
{
    [Fact]
    public async Task GetInfoAsync_RealEngine_MatchesWhatTheEngineReports()
    {
        // Arrange
        var version = (await fixture.DockerCliAsync("version", "--format", "{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.Os}}|{{.Server.Arch}}")).Trim().Split('|');
        var driver = (await fixture.DockerCliAsync("info", "--format", "{{.Driver}}")).Trim();

        // Act
        var info = await fixture.Engine.GetInfoAsync(CancellationToken.None);

        // Assert
        Assert.Equal(fixture.Endpoint, info.Endpoint);
        Assert.Equal(version[0], info.EngineVersion);
        var engineApi = Version.Parse(version[1]);
        var expectedApi = engineApi < new Version(1, 52) ? engineApi : new Version(1, 52);
        Assert.Equal(expectedApi.ToString(2), info.ApiVersion);
        Assert.Equal(version[2], info.Os);
        Assert.Equal(version[3], info.Architecture);
        Assert.Equal(driver, info.StorageDriver);
    }

    [Fact]
    public async Task GetInfoAsync_NoEngineAtEndpoint_ThrowsUnavailableNamingTheEndpoint()
    {
        // Arrange
        var endpoint = $"unix:///tmp/imagelab-no-engine-{Guid.NewGuid():N}.sock";
        var engine = new DockerEngine(new DockerOptions { Endpoint = endpoint });

        // Act
        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => engine.GetInfoAsync(CancellationToken.None));

        // Assert
        Assert.Equal(
            $"No Docker engine answers at {endpoint} (there is no socket at that path). Start one there, or set Docker:Endpoint (or DOCKER_HOST) to the engine's address.",
            error.Message);
        Assert.DoesNotContain("Cannot assign requested address", error.Message, StringComparison.Ordinal);
    }
}
