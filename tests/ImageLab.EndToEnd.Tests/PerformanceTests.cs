using System.Diagnostics;
using System.Globalization;
using ImageLab.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A benchmark, not a test (scripts/test.sh leaves Category=Benchmark out): the history page with 10,000
/// experiments (<c>IMAGELAB_BENCH_EXPERIMENTS</c>, <c>IMAGELAB_BENCH_ITERATIONS</c> for more: 100000 and 4 for issue #16's
/// scale), timed in real Chromium against the real app; the numbers go to the output and
/// bench/Dashboard/README.md. Run: <c>dotnet test tests/ImageLab.EndToEnd.Tests --filter Category=Benchmark
/// --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    private static readonly int Experiments = Setting("IMAGELAB_BENCH_EXPERIMENTS", 10_000);
    private static readonly int IterationsEach = Setting("IMAGELAB_BENCH_ITERATIONS", 3);
    private const double TargetMilliseconds = 300;

    // The browser's own clock, from the start of the navigation: the HTML's first byte (the request and the server's
    // prerender), the first contentful paint (the rows are in it: they come before the scripts at the end of the body,
    // and the whole answer is parsed in one go — checked in a Chromium trace) and DOMContentLoaded (the scripts ran).
    private const string BrowserTimings = """
        () => new Promise(resolve => new PerformanceObserver((list, observer) => {
          const contentful = list.getEntries().find(entry => entry.name === 'first-contentful-paint');
          if (!contentful) return;
          observer.disconnect();
          const navigation = performance.getEntriesByType('navigation')[0];
          resolve([navigation.responseStart, contentful.startTime, navigation.domContentLoadedEventEnd]);
        }).observe({ type: 'paint', buffered: true }))
        """;

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task History_TenThousandExperiments_FirstPageRenderTime()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        var seeding = Stopwatch.StartNew();
        await HistorySeed.SeedAsync(database.ConnectionString, Experiments, IterationsEach);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {Experiments} experiments of {IterationsEach} iterations in {seeding.Elapsed.TotalSeconds:0} s"));
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(app);
        await HistoryPages.InstallAsync(page);

        // Warm the app (first circuit, JIT, connection pool); then measure fresh navigations.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".history-name")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator(".history-range")).ToContainTextAsync($"of {Count}");

        var samples = new List<double>();
        var documents = new List<double>();
        var interactive = new List<double>();
        var firstBytes = new List<double>();
        var paints = new List<double>();
        var contentLoaded = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
            documents.Add(watch.Elapsed.TotalMilliseconds);
            await Assertions.Expect(page.Locator(".history-name")).ToHaveCountAsync(20, new() { Timeout = 10_000 });
            samples.Add(watch.Elapsed.TotalMilliseconds);

            // Until the circuit has taken the page over.
            await HistoryPages.WaitUntilInteractiveAsync(page);
            interactive.Add(watch.Elapsed.TotalMilliseconds);

            var timings = await page.EvaluateAsync<double[]>(BrowserTimings);
            firstBytes.Add(timings[0]);
            paints.Add(timings[1]);
            contentLoaded.Add(timings[2]);
        }

        // The next page is read on the server, through the circuit.
        var next = Stopwatch.StartNew();
        await page.Locator("[data-page=next]").ClickAsync();
        await Assertions.Expect(page.Locator(".history-range")).ToHaveTextAsync($"21–40 of {Count}");
        var paging = next.Elapsed.TotalMilliseconds;

        await BrowserSession.ScreenshotAsync(page, $"10-history-{Experiments / 1000}k");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history with {Experiments} experiments of {IterationsEach} iterations: first render (Playwright sees the 20 rows) median {Median(samples):0} ms against a target of {TargetMilliseconds:0} ms (min {samples.Min():0}, max {samples.Max():0}); HTML answer (Playwright) median {Median(documents):0} ms; interactive (circuit rendered) median {Median(interactive):0} ms; next page {paging:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"browser timing medians, from the start of the navigation: HTML first byte {Median(firstBytes):0} ms, first contentful paint {Median(paints):0} ms (min {paints.Min():0}, max {paints.Max():0}), DOMContentLoaded {Median(contentLoaded):0} ms"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // The history counts up to 10,000 experiments and says "10,000+" past that.
    private static string Count => Experiments > 10_000 ? "10,000+" : Experiments.ToString("N0", CultureInfo.InvariantCulture);

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
