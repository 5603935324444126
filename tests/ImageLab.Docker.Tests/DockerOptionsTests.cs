using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImageLab.Docker.Tests;

public sealed class DockerOptionsTests
{
    [Theory]
    [InlineData("foo", "Docker:Endpoint 'foo' is not a unix://, tcp:// or npipe:// address.")]
    [InlineData("http://localhost:2375", "Docker:Endpoint 'http://localhost:2375' is not a unix://, tcp:// or npipe:// address.")]
    [InlineData("tcp://docker.example", "Docker:Endpoint 'tcp://docker.example' needs a host and a port (e.g. tcp://docker.example:2376).")]
    public void AddImageLabDocker_BadEndpoint_FailsWithSentenceNamingTheSetting(string endpoint, string expected)
    {
        // Arrange
        using var provider = Provider(new() { ["Docker:Endpoint"] = endpoint });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerOptions>>().Value);

        // Assert
        Assert.Contains(expected, error.Failures);
    }

    [Fact]
    public void AddImageLabDocker_TlsFolderWithoutKeys_FailsNamingTheMissingFiles()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("imagelab-tls-").FullName;
        File.WriteAllText(Path.Combine(folder, "ca.pem"), "x");
        using var provider = Provider(new() { ["Docker:Endpoint"] = "tcp://docker.example:2376", ["Docker:TlsCertPath"] = folder });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DockerOptions>>().Value);

        // Assert
        Assert.Contains($"Docker:TlsCertPath '{folder}' lacks cert.pem, key.pem (it must hold ca.pem, cert.pem and key.pem).", error.Failures);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock")]
    [InlineData("tcp://127.0.0.1:2375")]
    [InlineData("npipe:////./pipe/docker_engine")]
    public void AddImageLabDocker_GoodEndpoint_RegistersOneEngineForIt(string endpoint)
    {
        // Arrange
        using var provider = Provider(new() { ["Docker:Endpoint"] = endpoint, ["Docker:NetworkMode"] = "host" });

        // Act
        var engine = provider.GetRequiredService<IDockerEngine>();

        // Assert
        Assert.Equal(endpoint, engine.Endpoint);
        Assert.Same(engine, provider.GetRequiredService<IDockerEngine>());
        Assert.Equal(Core.Builds.BuildNetworkMode.Host, provider.GetRequiredService<IOptions<DockerOptions>>().Value.NetworkMode);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddImageLabDocker().BuildServiceProvider();
    }
}
