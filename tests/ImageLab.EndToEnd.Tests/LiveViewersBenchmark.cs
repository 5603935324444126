using System.Diagnostics;
using System.Globalization;
using System.Net;
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
/// container printed it; the app's host shares that clock. Three kinds of viewer:
/// - hub connections (/hubs/builds, Watch), which time each tick they receive;
/// - headless circuits (<see cref="HeadlessCircuit"/>): the experiment page's Blazor circuit without a browser, timing
///   the newest tick in each render batch the server sends, so that many circuits fit on a 2-core machine;
/// - real Chromium pages (each its own signed-in context and circuit), sampled in turn for the newest tick they show.
/// The web process's resident memory is sampled throughout. Counts: IMAGELAB_BENCH_HUB_VIEWERS (default 100),
/// IMAGELAB_BENCH_CIRCUIT_VIEWERS (default 90) and IMAGELAB_BENCH_PAGE_VIEWERS (default 10). Run with
/// bench/live-viewers.sh; numbers in bench/Dashboard/README.md.
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
        var hubViewers = Count("IMAGELAB_BENCH_HUB_VIEWERS", 100);
        var circuitViewers = Count("IMAGELAB_BENCH_CIRCUIT_VIEWERS", 90);
        var pageViewers = Count("IMAGELAB_BENCH_PAGE_VIEWERS", 10);
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

        // The first page signs in; the headless circuits use its cookies.
        var pages = new List<IPage>();
        var signedIn = await browser.NewPageAsync(app);
        var cookies = new CookieContainer();
        foreach (var cookie in await signedIn.Context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var circuitLags = new List<double>();
        var circuits = new List<HeadlessCircuit>();
        for (var i = 0; i < circuitViewers; i++)
        {
            circuits.Add(await HeadlessCircuit.StartAsync(app.BaseAddress, cookies, $"/experiments/{id}", NewestTickRecorder(circuitLags), stop.Token));
        }

        for (var i = 0; i < pageViewers; i++)
        {
            var page = i == 0 ? signedIn : await browser.NewPageAsync(app);
            await page.GotoAsync($"/experiments/{id}");
            pages.Add(page);
        }

        using (var cancel = await http.PostAsync(new Uri($"/api/experiments/{sleeper}/cancel", UriKind.Relative), null))
        {
            Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        }

        // Sample pages in turn (one Playwright call at a time) and the web process's memory, until the build has ended.
        var webCpu = Process.GetProcessById(app.ProcessId).TotalProcessorTime;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watched = Stopwatch.StartNew();
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

            // The end is asked for a few times a second: asked in a tight loop, the benchmark would be the server's load.
            await Task.Delay(TimeSpan.FromMilliseconds(250), stop.Token);
        }

        webCpu = Process.GetProcessById(app.ProcessId).TotalProcessorTime - webCpu;
        ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpu;
        watched.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(watching.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        var circuitErrors = circuits.Count(c => c.Error is not null);
        var batches = circuits.Sum(c => c.Batches);
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync();
        }

        if (pages.Count > 0)
        {
            await BrowserSession.ScreenshotAsync(pages[0], "13-live-viewers");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{hubViewers} hub connections, {circuitViewers} headless circuits and {pageViewers} Chromium pages on one build printing 100 lines/s for {Seconds} s: "
            + $"hub newest-line lag {Describe(hubLags)}; circuit newest-line lag {Describe(circuitLags)} ({batches} render batches, {circuitErrors} circuits failed); "
            + $"page newest-line lag {Describe(pageLags)}; "
            + $"web process RSS idle {idleMegabytes:0} MB, with the viewers median {Percentile(megabytes, 0.5)} MB, max {Percentile(megabytes, 1)} MB; "
            + $"CPU over the {watched.Elapsed.TotalSeconds:0} s watched: web process {webCpu.TotalSeconds:0} s, the viewers' own process (hub clients, headless circuits, Playwright) {ownCpu.TotalSeconds:0} s; "
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

    /// <summary>For one circuit: the lag of each render batch that brings a newer tick than the circuit had shown.</summary>
    private static Action<string> NewestTickRecorder(List<double> lags)
    {
        long newest = 0;
        return text =>
        {
            if (TickingBuild.Parse(text) is { } tick && tick.Number > newest)
            {
                newest = tick.Number;
                var lag = (TickingBuild.Uptime() - tick.PrintedAt) * 1000;
                lock (lags)
                {
                    lags.Add(lag);
                }
            }
        };
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
