using ImageLab.Core.Engines;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using ImageLab.Docker.Transport;
using ImageLab.Testing;

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
    public async Task GetInfoAsync_EveryEngineOfTheMatrix_TellsItsImageStoreAsDockerInfoDoes()
    {
        foreach (var (name, endpoint) in TestEnvironment.Engines)
        {
            // Arrange
            var driverStatus = await DockerCli.RunOnAsync(endpoint, "info", "--format", "{{json .DriverStatus}}");
            var expected = driverStatus.Contains("io.containerd.snapshotter", StringComparison.Ordinal) ? ImageStoreKind.Containerd : ImageStoreKind.GraphDriver;
            var engine = new DockerEngine(new DockerOptions { Endpoint = endpoint });

            // Act
            var info = await engine.GetInfoAsync(CancellationToken.None);
            var usage = await engine.GetDiskUsageAsync(CancellationToken.None);
            var reclaimed = await engine.PruneBuildCacheAsync(TimeSpan.FromDays(3650), CancellationToken.None);

            // Assert
            Assert.True(expected == info.ImageStore, $"{name}: {info.Description}, docker info says {driverStatus}");
            Assert.Equal((await DockerCli.RunOnAsync(endpoint, "version", "--format", "{{.Server.Version}}")).Trim(), info.EngineVersion);
            Assert.True(usage.AllImages > 0, $"{name} has the fixture images, yet its disk use lists none.");
            Assert.True(reclaimed >= 0);
        }
    }

    [Fact]
    public async Task DescribeAsync_EveryEngineOfTheMatrix_SaysWhatDockerInfoSays()
    {
        foreach (var (name, endpoint) in TestEnvironment.Engines)
        {
            // Arrange
            var expected = (await DockerCli.RunOnAsync(endpoint, "info", "--format", "{{.ServerVersion}}|{{.Driver}}")).Trim();
            var engine = new DockerEngine(new DockerOptions { Endpoint = endpoint });

            // Act: the second answer comes from the connection, not from the engine.
            var first = await engine.DescribeAsync(CancellationToken.None);
            var second = await engine.DescribeAsync(CancellationToken.None);

            // Assert
            Assert.True(expected == $"{first.EngineVersion}|{first.StorageDriver}", $"{name}: described as {first}, docker info says {expected}");
            Assert.Equal(first, second);
        }
    }

    [Fact]
    public async Task GetDiskUsageAsync_ManyCallersAndAnotherClientAtOnce_EveryCallerGetsTheNumbers()
    {
        // Arrange: Docker 20.10 refuses a second disk usage while one runs; the CLI plays another client.
        var otherClient = Enumerable.Range(0, 4).Select(_ => fixture.DockerCliAsync("system", "df").ContinueWith(_ => 0, TaskScheduler.Default)).ToArray();

        // Act
        var usages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Engine.GetDiskUsageAsync(CancellationToken.None)));
        await Task.WhenAll(otherClient);

        // Assert
        Assert.All(usages, usage => Assert.True(usage.AllImages > 0, "the fixture's images are on the engine"));
    }

    [Theory]
    [InlineData("1.40", "19.03.15")]
    [InlineData("1.24", "1.12.6")]
    public void ChooseApiVersion_EngineOlderThanDocker2010_IsRefusedWithASentence(string api, string version)
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            EngineConnection.ChooseApiVersion(Version.Parse(api), new Version(1, 12), new Uri("unix:///var/run/docker.sock"), version));

        Assert.Equal(
            $"The Docker engine at unix:///var/run/docker.sock is Docker {version} and speaks Engine API {api}; ImageLab needs API 1.41 (Docker 20.10) or newer. Upgrade the engine, or point Docker:Endpoint at a newer one.",
            error.Message);
    }

    [Theory]
    [InlineData("1.41", "1.12", "1.41")]
    [InlineData("1.51", "1.24", "1.51")]
    [InlineData("1.53", "1.44", "1.52")]
    public void ChooseApiVersion_SupportedEngine_TakesTheNewestBothSpeak(string api, string minimum, string expected)
    {
        Assert.Equal(Version.Parse(expected), EngineConnection.ChooseApiVersion(Version.Parse(api), Version.Parse(minimum), new Uri("unix:///x.sock"), "x"));
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
