using System.Text.Json.Nodes;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Deployment;

public sealed class ComposeFileTests
{
    private static readonly JsonObject Compose = YamlDocuments.Load(Path.Combine(TestEnvironment.RepositoryRoot, "docker-compose.yaml")).Single();

    private static JsonObject Service(string name) =>
        Compose["services"]?[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"docker-compose.yaml has no service {name}.");

    [Fact]
    public void Services_PostgresWebAndWorker_EachWithHealthCheck()
    {
        // Act
        var missing = new[] { "postgres", "imagelab", "worker" }
            .Where(name => Service(name)["healthcheck"]?["test"] is not JsonArray { Count: > 1 })
            .ToList();

        // Assert
        Assert.Empty(missing);
        Assert.Equal(["--role", "web"], Service("imagelab")["command"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["--role", "worker"], Service("worker")["command"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void Services_StartOrder_WaitsForHealthyDependencies()
    {
        // Assert: the web app migrates once PostgreSQL is healthy; the worker waits for the migrated schema.
        Assert.Equal("service_healthy", Service("imagelab")["depends_on"]!["postgres"]!["condition"]!.GetValue<string>());
        Assert.Equal("service_healthy", Service("worker")["depends_on"]!["imagelab"]!["condition"]!.GetValue<string>());
        Assert.Equal("true", Service("imagelab")["environment"]!["Database__MigrateOnStart"]!.GetValue<string>());
    }

    [Fact]
    public void Worker_EngineSocket_IsMountedAndNamedByDockerEndpoint()
    {
        // Arrange
        var worker = Service("worker");
        var endpoint = worker["environment"]!["Docker__Endpoint"]!.GetValue<string>();

        // Act
        var mounts = worker["volumes"]!.AsArray().Select(v => v!.GetValue<string>().Split(':')).ToList();

        // Assert
        Assert.StartsWith("unix://", endpoint, StringComparison.Ordinal);
        Assert.Contains(mounts, m => m.Length >= 2 && m[1] == endpoint["unix://".Length..]);
        Assert.NotNull(worker["group_add"]);
        Assert.Null(Service("imagelab")["volumes"]);
    }

    [Fact]
    public void Environment_EveryKey_IsASettingTheAppReads()
    {
        // Act
        var failures = new[] { "imagelab", "worker" }
            .SelectMany(name => Service(name)["environment"]!.AsObject().Select(p => ConfigurationKeys.Check(p.Key)).OfType<string>()
                .Select(f => $"{name}: {f}"))
            .ToList();

        // Assert
        Assert.Empty(failures);
        Assert.True(Service("imagelab")["environment"]!.AsObject().ContainsKey("ConnectionStrings__ImageLab"));
        Assert.True(Service("worker")["environment"]!.AsObject().ContainsKey("ConnectionStrings__ImageLab"));
    }

    [Fact]
    public void Build_Dockerfile_IsDeployDockerfile()
    {
        // Act
        var build = Service("imagelab")["build"]!;

        // Assert
        Assert.Equal("deploy/Dockerfile", build["dockerfile"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "Dockerfile")));
        Assert.Equal(Service("imagelab")["image"]!.GetValue<string>(), Service("worker")["image"]!.GetValue<string>());
    }
}
