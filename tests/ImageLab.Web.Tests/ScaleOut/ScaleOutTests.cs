using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImageLab.Web.Tests.ScaleOut;

/// <summary>
/// One web process and two worker processes, each worker on its own private engine, against one database:
/// builds spread over both engines and their live events reach the browser side through the web process.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ladder_WebAndTwoWorkersOnTwoEngines_BuildsOnBothAndStreamsThroughWeb()
    {
        // Arrange
        var setup = Stopwatch.StartNew();
        var engines = new[] { TestEnvironment.DockerEndpoint, TestEnvironment.SecondDockerEndpoint };
        await EngineCli.EnsureBusyboxAsync(engines[1]);
        await using var database = await PostgresDatabase.CreateAsync();
        await using var web = await AppProcess.StartAsync(database.ConnectionString, arguments: ["--role", "web"]);
        await using var worker1 = await StartWorkerAsync(database, engines[0]);
        await using var worker2 = await StartWorkerAsync(database, engines[1]);
        using var client = web.CreateClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var files = Enumerable.Range(1, 4).Select(i =>
            ($"Dockerfile.{i}", $"FROM busybox\nRUN head -c {i * 100_000} /dev/zero > /blob-{run} && sleep 2\n"));
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(web.BaseAddress, "/hubs/builds"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(web.AdminToken))
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await hub.StartAsync();
        output.WriteLine($"Three processes up in {setup.Elapsed.TotalSeconds:F1} s.");

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles(files, ("builder", "classic")));
        // A CI job's one request to the web process, answered when the workers' events say the last iteration ended.
        var waited = client.GetFromJsonAsync<ExperimentDetails>(new Uri($"/api/experiments/{experiment.Id}?wait=180", UriKind.Relative), ExperimentUpload.Json);
        var watch = Stopwatch.StartNew();
        var latencies = new List<TimeSpan>();
        DateTimeOffset? watchingSince = null;
        var events = new List<BuildEventMessage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var open = experiment.Iterations.Select(i => i.Id).ToHashSet();
        await foreach (var message in hub.StreamAsync<BuildEventMessage>("Watch", experiment.Id, 0L, timeout.Token))
        {
            // Lines posted before the watch began are replays, not live deliveries.
            watchingSince ??= DateTimeOffset.UtcNow;
            if (message.Type == BuildEventType.Log && message.At > watchingSince)
            {
                latencies.Add(DateTimeOffset.UtcNow - message.At);
            }

            events.Add(message);
            if (message.Type == BuildEventType.Status && message.Status is { } status && status.IsFinal() && open.Remove(message.IterationId) && open.Count == 0)
            {
                break;
            }
        }

        var done = await ExperimentUpload.GetAsync(client, experiment.Id);
        Assert.Equal(ExperimentStatus.Succeeded, (await waited)!.Status);

        // Assert
        Assert.All(done.Iterations, i => Assert.True(i.Status == IterationStatus.Succeeded, $"{i.Name}: {i.Status} ({i.Error})\n{worker1.Output}\n{worker2.Output}"));
        Assert.Equal(engines.Order(), done.Iterations.Select(i => i.Engine!).Distinct().Order());
        foreach (var iteration in done.Iterations)
        {
            Assert.Equal(await EngineCli.ImageSizeAsync(iteration.Engine!, iteration.ImageId!), iteration.SizeBytes);
            Assert.Contains(events, e => e.IterationId == iteration.Id && e.Type == BuildEventType.Log);
        }

        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        var sorted = latencies.Order().ToList();
        output.WriteLine($"Iterations per engine: {string.Join(", ", done.Iterations.GroupBy(i => i.Engine).Select(g => $"{g.Key}: {g.Count()}"))}");
        output.WriteLine($"{events.Count} events through the web process in {watch.Elapsed.TotalSeconds:F1} s; latency of live log lines from the worker to the client: median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, " +
            $"95th percentile {sorted[(int)(sorted.Count * 0.95)].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public async Task Role_Worker_ServesHealthButNoApi()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();

        // Act
        await using var worker = await StartWorkerAsync(database, TestEnvironment.DockerEndpoint);
        using var client = new HttpClient { BaseAddress = worker.BaseAddress };
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Role_Unknown_StopsAtStartWithSentenceNamingSetting()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AppProcess.StartAsync(database.ConnectionString, arguments: ["--role", "builder"]));

        // Assert
        Assert.Contains("--role 'builder' is not one of web, worker or all", error.Message, StringComparison.Ordinal);
    }

    private static Task<AppProcess> StartWorkerAsync(PostgresDatabase database, string engine) =>
        AppProcess.StartAsync(
            database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Docker:Endpoint"] = engine,
                ["Worker:Concurrency"] = "1",
                ["Worker:PollMilliseconds"] = "200",
            },
            arguments: ["--role", "worker"]);
}
