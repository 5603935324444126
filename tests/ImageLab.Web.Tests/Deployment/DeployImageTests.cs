using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using ImageLab.Testing;
using Xunit.Abstractions;

namespace ImageLab.Web.Tests.Deployment;

/// <summary>
/// deploy/Dockerfile built for real with BuildKit and run. No registry is reachable here, so its two bases are the
/// stand-ins scripts/fixtures.sh makes under the same tags from this machine's .NET (see that script).
/// </summary>
public sealed class DeployImageTests(ITestOutputHelper output)
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0-alpine";
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task DeployDockerfile_BuiltAndRun_HealthyAsNonRootWithoutTheSdk()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        var engine = new DockerEngine(new DockerOptions { Endpoint = TestEnvironment.DockerEndpoint });
        var tag = $"imagelab-test/deploy-{Guid.NewGuid():N}:latest";

        // Act
        var log = new BuildLogTail();
        var build = await BuildAsync(engine, tag, log);
        try
        {
            Assert.True(build.Succeeded, $"{build.Error}\n{log}");
            var port = FreePort();
            var container = (await DockerCli.RunAsync(
                "run", "-d", "--network", "host",
                "-e", $"ASPNETCORE_HTTP_PORTS={port}",
                "-e", $"ConnectionStrings__ImageLab={database.ConnectionString}",
                "-e", "Database__MigrateOnStart=true",
                tag, "--role", "web")).Trim();
            try
            {
                var state = await WaitForHealthAsync(container);

                // Assert
                Assert.True(state.GetProperty("Health").GetProperty("Status").GetString() == "healthy",
                    $"{state}\n{await DockerCli.RunAsync("logs", "--tail", "30", container)}");
                using var http = new HttpClient();
                var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
                var uid = ProcessUid(state.GetProperty("Pid").GetInt32());
                Assert.NotEqual(0, uid);
                var size = await DockerCli.ImageSizeAsync(tag);
                var runtimeSize = await DockerCli.ImageSizeAsync(RuntimeImage);
                var sdkSize = await DockerCli.ImageSizeAsync(SdkImage);
                output.WriteLine($"ImageLab's image: {size:N0} bytes (runtime base {runtimeSize:N0}, app layers {size - runtimeSize:N0}); SDK stage base {sdkSize:N0}; uid {uid}.");
                Assert.True(size - runtimeSize < 100_000_000, $"The app adds {size - runtimeSize:N0} bytes to its runtime base: more than the published app.");
                Assert.True(size < sdkSize / 2, $"The image ({size:N0} bytes) looks like it carries the SDK ({sdkSize:N0} bytes).");
            }
            finally
            {
                await DockerCli.RunAsync("rm", "-f", container);
            }
        }
        finally
        {
            await engine.RemoveImageAsync(tag, CancellationToken.None);
        }
    }

    private static async Task<BuildResult> BuildAsync(DockerEngine engine, string tag, IProgress<BuildEvent> progress)
    {
        var request = new BuildRequest
        {
            DockerfilePath = "deploy/Dockerfile",
            Builder = BuilderKind.BuildKit,
            NetworkMode = BuildNetworkMode.Host,
            Tags = [tag],
            Labels = new Dictionary<string, string> { ["imagelab.test"] = "true" },
        };
        await using var context = BuildContextStream.Start(
            (stream, ct) => BuildContextWriter.WriteDirectoryAsync(TestEnvironment.RepositoryRoot, stream, new() { DockerfilePaths = [request.DockerfilePath] }, ct),
            CancellationToken.None);
        return await engine.BuildAsync(request, context, progress, CancellationToken.None);
    }

    // The engine runs the image's HEALTHCHECK itself; this waits for its verdict (or for the container to stop).
    private static async Task<JsonElement> WaitForHealthAsync(string container)
    {
        using var timeout = new CancellationTokenSource(HealthTimeout);
        while (true)
        {
            var state = JsonDocument.Parse(await DockerCli.RunAsync("inspect", "--format", "{{json .State}}", container)).RootElement;
            var health = state.GetProperty("Health").GetProperty("Status").GetString();
            if (health is "healthy" or "unhealthy" || !state.GetProperty("Running").GetBoolean() || timeout.IsCancellationRequested)
            {
                return state;
            }

            await Task.Delay(1000, CancellationToken.None);
        }
    }

    private static int ProcessUid(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The last lines a build printed, for the failure message.</summary>
    private sealed class BuildLogTail : IProgress<BuildEvent>
    {
        private readonly Queue<string> _lines = new();

        public void Report(BuildEvent value)
        {
            lock (_lines)
            {
                _lines.Enqueue(value.Text ?? "");
                if (_lines.Count > 40)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
