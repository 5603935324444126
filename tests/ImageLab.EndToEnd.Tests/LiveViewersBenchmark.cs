using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImageLab.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A benchmark, not a test (Category=Benchmark; scripts/test.sh leaves it out and it asserts nothing on time): one running
/// build watched by many viewers at once, as issue #16 asks (200, Blazor circuits and hub connections mixed). The RUN
/// prints ten lines every 0.1 s for <see cref="Seconds"/> seconds, each "tick n uptime" with the kernel's uptime when the
/// container printed it; the app's host shares that clock. Every hub connection times each tick it receives; the pages
/// (real Chromium, each its own signed-in context and Blazor circuit) are sampled in turn for the newest tick they show.
/// The web process's resident memory is sampled throughout. Counts: IMAGELAB_BENCH_HUB_VIEWERS (default 150) and
/// IMAGELAB_BENCH_PAGE_VIEWERS (default 50). Run with bench/live-viewers.sh; numbers in bench/Dashboard/README.md.
/// </summary>
public sealed class LiveViewersBenchmark(ITestOutputHelper output)
{
    private const int Seconds = 60;
    private const string Project = "live-viewers-bench";

    private static readonly string Dockerfile = TickingBuild.Dockerfile(Seconds, linesPerBatch: 10);

    private static readonly string SleepingDockerfile = $"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N}; sleep 900\n";

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task ManyViewers_OneRunningBuild_NewestLineLagAndWebMemory()
    {
        var hubViewers = Count("IMAGELAB_BENCH_HUB_VIEWERS", 150);
        var pageViewers = Count("IMAGELAB_BENCH_PAGE_VIEWERS", 50);
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString,
            new Dictionary<string, string> { ["Docker:NetworkMode"] = "none", ["Worker:Concurrency"] = "1" });
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var idleMegabytes = ResidentMegabytes(app.ProcessId);

        // Every viewer connects while the watched experiment waits behind a sleeping build in the only build slot; the
        // sleeper is then cancelled, so the whole run is watched by all of them.
        var sleeper = await TickingBuild.SubmitAsync(http, Project, SleepingDockerfile);
        var id = await TickingBuild.SubmitAsync(http, Project, Dockerfile);
        var hubLags = new List<double>();
        var hubs = new List<HubConnection>();
        var watching = new List<Task>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        for (var i = 0; i < hubViewers; i++)
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, "hubs/builds"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(app.AdminToken))
                .Build();
            await hub.StartAsync(stop.Token);
            hubs.Add(hub);
            watching.Add(WatchAsync(hub, id, hubLags, stop.Token));
        }

        var pages = new List<IPage>();
        for (var i = 0; i < pageViewers; i++)
        {
            var page = await browser.NewPageAsync(app);
            await page.GotoAsync($"/experiments/{id}");
            pages.Add(page);
        }

        using (var cancel = await http.PostAsync(new Uri($"/api/experiments/{sleeper}/cancel", UriKind.Relative), null))
        {
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        }

        // Sample pages in turn (one Playwright call at a time) and the web process's memory, until the build has ended.
        var pageLags = new List<double>();
        var megabytes = new List<double>();
        var turn = 0;
        while (!stop.IsCancellationRequested && !await EndedAsync(http, id))
        {
            megabytes.Add(ResidentMegabytes(app.ProcessId));
            if (pages.Count > 0 && await TickingBuild.NewestShownAsync(pages[turn++ % pages.Count]) is { } tick)
            {
                pageLags.Add((TickingBuild.Uptime() - tick.PrintedAt) * 1000);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(watching.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        if (pages.Count > 0)
        {
            await BrowserSession.ScreenshotAsync(pages[0], "13-live-viewers");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hubViewers} hub connections and {pageViewers} Blazor pages on one build printing 100 lines/s for {Seconds} s: "
            + $"hub newest-line lag {Describe(hubLags)}; page newest-line lag {Describe(pageLags)}; "
            + $"web process RSS idle {idleMegabytes:0} MB, with the viewers median {Percentile(megabytes, 0.5)} MB, max {Percentile(megabytes, 1)} MB; "
            + $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }

    private static async Task WatchAsync(HubConnection hub, long experimentId, List<double> lags, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in hub.StreamAsync<JsonElement>("Watch", experimentId, 0L, cancellationToken))
            {
                if (message.TryGetProperty("text", out var text) && TickingBuild.Parse(text.GetString()) is { } tick)
                {
                    var lag = (TickingBuild.Uptime() - tick.PrintedAt) * 1000;
                    lock (lags)
                    {
                        lags.Add(lag);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<bool> EndedAsync(HttpClient http, long id)
    {
        var body = await http.GetStringAsync(new Uri($"/api/experiments/{id}", UriKind.Relative));
        return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Canceled";
    }

    private static string Describe(List<double> lags)
    {
        lock (lags)
        {
            return lags.Count == 0
                ? "no samples"
                : $"{lags.Count} samples, median {Percentile(lags, 0.5)} ms, p95 {Percentile(lags, 0.95)} ms, max {Percentile(lags, 1)} ms";
        }
    }

    private static string Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return "-";
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * p)].ToString("0", CultureInfo.InvariantCulture);
    }

    private static double ResidentMegabytes(int processId) =>
        Process.GetProcessById(processId).WorkingSet64 / 1024.0 / 1024.0;

    private static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var count) ? count : fallback;
}
