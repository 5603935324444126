using System.Diagnostics;
using System.Net;
using System.Text.Json.Serialization;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>
/// The one-command start: the real app process with no connection string runs on the embedded SQLite store in its data
/// folder, and a small experiment goes through the queue, live progress, measurement and analysis. The same run on
/// PostgreSQL gives the comparison.
/// </summary>
public sealed class EmbeddedStoreAppTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(TestStoreKind.Sqlite)]
    [InlineData(TestStoreKind.PostgreSql)]
    public async Task Busybox_AppWithStore_BuildsMeasuresStreamsAndAnalyzes(TestStoreKind kind)
    {
        // Arrange: no connection string at all for SQLite, only a data folder (here a fresh one).
        await using var store = await TestStore.CreateAsync(kind);
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:LogLevel:ImageLab.Data.Hosting.DatabaseMigrator"] = "Information",
        };
        if (store.DataDirectory is { } folder)
        {
            settings["Database:DataDirectory"] = folder;
        }

        var started = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(store.ConnectionString, settings);
        var startSeconds = started.Elapsed.TotalSeconds;
        using var client = app.CreateClient();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/builds"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(app.AdminToken))
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await hub.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var files = new[]
        {
            ("Dockerfile.1-big", $"FROM busybox\nRUN head -c 300000 /dev/zero > /blob-{run} && echo big-{run}\n"),
            ("Dockerfile.2-small", $"FROM busybox\nRUN head -c 1000 /dev/zero > /blob-{run} && echo small-{run}\n"),
        };

        // Act
        var watch = Stopwatch.StartNew();
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles(files, ("builder", "classic")));
        var events = new List<BuildEventMessage>();
        var open = experiment.Iterations.Select(i => i.Id).ToHashSet();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            await foreach (var message in hub.StreamAsync<BuildEventMessage>("Watch", experiment.Id, 0L, timeout.Token))
            {
                events.Add(message);
                if (message.Type == BuildEventType.Status && message.Status is { } status && status.IsFinal() && open.Remove(message.IterationId) && open.Count == 0)
                {
                    break;
                }
            }
        }

        var buildSeconds = watch.Elapsed.TotalSeconds;
        var done = await Polling.WaitForAsync(client, experiment.Id, e => e.Status.IsFinal(), Timeout, "the experiment to finish");
        var analyses = new List<HttpStatusCode>();
        foreach (var iteration in done.Iterations)
        {
            analyses.Add(await WaitForAnalysisAsync(client, iteration.Id));
        }

        // Assert
        Assert.All(done.Iterations, i => Assert.True(i.Status == IterationStatus.Succeeded, $"{i.Name}: {i.Status} ({i.Error})\n{app.Output}"));
        foreach (var iteration in done.Iterations)
        {
            Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!), iteration.SizeBytes);
            Assert.Equal((await DockerCli.HistoryAsync(iteration.ImageId!)).Count, iteration.Layers.Count);
            Assert.Contains(events, e => e.IterationId == iteration.Id && e.Type == BuildEventType.Log);
        }

        Assert.True(done.Iterations[1].SizeBytes < done.Iterations[0].SizeBytes);
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.All(analyses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains($"Now listening on: {app.BaseAddress.ToString().TrimEnd('/')}", app.Output, StringComparison.Ordinal);
        if (kind == TestStoreKind.Sqlite)
        {
            var database = Path.Combine(store.DataDirectory!, "imagelab.db");
            Assert.True(File.Exists(database), $"No {database}:\n{app.Output}");
            Assert.Contains($"Using the embedded SQLite store {database}", app.Output, StringComparison.Ordinal);
            Assert.Contains("answers", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Using PostgreSQL database", app.Output, StringComparison.Ordinal);
        }

        output.WriteLine($"{kind}: app answered in {startSeconds:F1} s; two busybox iterations built, measured and streamed ({events.Count} events) in {buildSeconds:F1} s.");
    }

    private static async Task<HttpStatusCode> WaitForAnalysisAsync(HttpClient client, long iterationId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/iterations/{iterationId}/analysis", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(250);
        }
    }
}
