using System.Globalization;
using ImageLab.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A benchmark, not a test (Category=Benchmark; scripts/test.sh leaves it out and it asserts nothing on time): a
/// build whose RUN prints about 1,000 lines a second for 20 s, watched on the experiment page in real Chromium.
/// Every line carries the kernel's uptime when the container printed it; the app's host shares that clock, so
/// sampling the last line the log viewer shows against <c>/proc/uptime</c> gives how far the page lags behind the
/// engine. requestAnimationFrame gaps say whether the page stayed responsive. Numbers: bench/Dashboard/README.md.
/// </summary>
public sealed class LiveLogBenchmark(ITestOutputHelper output)
{
    private const int Seconds = 20;

    // 100 lines every 0.1 s, for Seconds seconds.
    private static readonly string Dockerfile = TickingBuild.Dockerfile(Seconds, linesPerBatch: 100);

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task LivePage_ThousandLinesPerSecond_LagBehindTheEngine()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Docker:NetworkMode"] = "none" });
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        await page.AddInitScriptAsync("""
            window.__frames = { last: 0, gaps: [] };
            const frame = (t) => { if (window.__frames.last) { window.__frames.gaps.push(t - window.__frames.last); } window.__frames.last = t; requestAnimationFrame(frame); };
            requestAnimationFrame(frame);
            """);

        var id = await TickingBuild.SubmitAsync(http, "live-log-bench", Dockerfile);

        await page.GotoAsync($"/experiments/{id}");
        await Assertions.Expect(page.Locator(".log-line .log-text", new() { HasTextString = "tick " }).First).ToBeVisibleAsync(new() { Timeout = 120_000 });

        // Sample the newest line shown against the clock the container printed with.
        var lags = new List<double>();
        var shown = new List<(double At, long Line)>();
        var until = DateTime.UtcNow.AddSeconds(Seconds + 5);
        while (DateTime.UtcNow < until)
        {
            var newest = await TickingBuild.NewestShownAsync(page);
            var now = TickingBuild.Uptime();
            if (newest is { } tick)
            {
                lags.Add((now - tick.PrintedAt) * 1000);
                shown.Add((now, tick.Number));
            }

            if (newest is not null && await page.Locator(".log-text", new() { HasTextString = "done " }).CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        var gaps = await page.EvaluateAsync<double[]>("() => window.__frames.gaps");
        await BrowserSession.ScreenshotAsync(page, "12-live-log-1000-lines-per-second");
        var rate = shown.Count > 1 ? (shown[^1].Line - shown[0].Line) / (shown[^1].At - shown[0].At) : 0;
        lags.Sort();
        Array.Sort(gaps);
        string Percentile(IReadOnlyList<double> values, double p) => values.Count == 0 ? "-" : values[(int)Math.Min(values.Count - 1, values.Count * p)].ToString("0", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live log at ~1,000 lines/s: {lags.Count} samples, lag median {Percentile(lags, 0.5)} ms, p90 {Percentile(lags, 0.9)} ms, max {Percentile(lags, 1)} ms; lines shown per second {rate:0}; "
            + $"animation frames {gaps.Length}, gap median {Percentile(gaps, 0.5)} ms, p99 {Percentile(gaps, 0.99)} ms, max {Percentile(gaps, 1)} ms, gaps over 100 ms {gaps.Count(g => g > 100)}"));
    }
}
