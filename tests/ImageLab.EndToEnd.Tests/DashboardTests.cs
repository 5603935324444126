using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// The dashboard in real Chromium against the real app, engine and database: upload the offline sample
/// ladder through the page, watch it finish live, compare, open a layer; every number checked against the API.
/// </summary>
public sealed partial class DashboardTests
{
    private static readonly TimeSpan LadderTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task SampleLadder_UploadedThroughThePage_BuildsLiveAndComparesWithTheApiNumbers()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        try
        {
            await RunLadderAsync(page, browser, app, http);
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-dashboard");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    private static async Task RunLadderAsync(IPage page, BrowserSession browser, AppProcess app, HttpClient http)
    {
        // History, empty: it says what to do.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("No experiments yet")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Experiments · ImageLab");
        await BrowserSession.ScreenshotAsync(page, "01-history-empty");

        // New experiment: validation in words before anything is sent, then the sample in one click.
        await page.GotoAsync("/experiments/new");
        await page.Locator("[data-action=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-problem=summary]")).ToContainTextAsync("Add at least one Dockerfile");
        await page.Locator("[data-action=try-sample]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-iteration-draft]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-action=submit]")).ToContainTextAsync("Build 5 iterations");
        await BrowserSession.ScreenshotAsync(page, "02-new-experiment-sample");
        await page.Locator("[data-action=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/experiments/\d+$"));
        var id = long.Parse(Regex.Match(page.Url, @"/experiments/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);

        // Live: the cards move on their own; a screenshot while it builds.
        await Assertions.Expect(page.Locator(".iteration-card")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".log-line").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await BrowserSession.ScreenshotAsync(page, "03-experiment-live");

        // A second browser opened while it builds shows the same iterations and keeps streaming. Cached builds finish
        // in seconds now that the analysis runs beside them: opened after the last one, the page starts on the
        // comparison, so it asks for the builds.
        var second = await browser.NewPageAsync(app, theme: "dark");
        await second.GotoAsync($"/experiments/{id}");
        await second.GetByRole(AriaRole.Tab, new() { Name = "Builds" }).ClickAsync();
        await Assertions.Expect(second.Locator(".iteration-card")).ToHaveCountAsync(5);

        foreach (var name in new[] { "1-naive", "2-slim", "3-multistage", "4-minimal", "5-cleaned" })
        {
            await Assertions.Expect(page.Locator($".iteration-card[data-iteration='{name}'] .status-chip"))
                .ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = (float)LadderTimeout.TotalMilliseconds });
        }

        await Assertions.Expect(second.Locator(".iteration-card .status-chip[data-status=Succeeded]")).ToHaveCountAsync(5);
        await BrowserSession.ScreenshotAsync(page, "04-experiment-finished");

        // The layer analyses run in their own queue after the builds (the five images, 1.7 GB in all, one after the other,
        // files first and push sizes after): their push sizes reach the open page without a reload.
        await Assertions.Expect(page.Locator(".iteration-card .push-size")).ToHaveCountAsync(5, new() { Timeout = (float)LadderTimeout.TotalMilliseconds });

        // The API's numbers.
        var experiment = await http.GetFromJsonAsync<JsonElement>($"/api/experiments/{id}");
        foreach (var iteration in experiment.GetProperty("iterations").EnumerateArray())
        {
            var push = page.Locator($".iteration-card[data-iteration='{iteration.GetProperty("name").GetString()}'] .push-size");
            await Assertions.Expect(push).ToHaveAttributeAsync("data-compressed-bytes", iteration.GetProperty("compressedSizeBytes").GetInt64().ToString(CultureInfo.InvariantCulture));
        }

        var sizes = experiment.GetProperty("iterations").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(5, sizes.Count);

        // Comparison: every size shown equals the API's, exact bytes in the title; reductions written out.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Comparison" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comparison-table")).ToBeVisibleAsync();
        var baseline = sizes["1-naive"];
        foreach (var (name, bytes) in sizes)
        {
            var cell = page.Locator($".comparison-table tr[data-iteration='{name}'] td.num").First.Locator("[data-bytes]");
            await Assertions.Expect(cell).ToHaveAttributeAsync("data-bytes", bytes.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(cell).ToHaveAttributeAsync("title", bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
            if (name != "1-naive")
            {
                var reduction = page.Locator(".size-bars").First.Locator($".size-bar-row[data-iteration='{name}'] .size-bar-reduction");
                await Assertions.Expect(reduction).ToContainTextAsync("→");
                await Assertions.Expect(reduction).ToContainTextAsync(bytes < baseline ? "smaller" : "larger");
            }
        }

        await BrowserSession.ScreenshotAsync(page, "05-comparison");

        // A layer: the largest own layer of the baseline, from the table.
        await page.Locator(".comparison-table tr[data-iteration='1-naive'] .largest-cell a").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/iterations/\d+\?layer=\d+$"));
        await Assertions.Expect(page.Locator(".layer-detail")).ToContainTextAsync("Created by");
        await Assertions.Expect(page.Locator(".treemap-cell").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-line.is-highlighted").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "06-layer");

        // History with the experiment and the project's trend; its point opens the experiment.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".history-name")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($".trend-point[data-experiment='{id}']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "07-history");

        // The dark theme, remembered by the browser.
        await second.GetByRole(AriaRole.Tab, new() { Name = "Comparison" }).ClickAsync();
        await Assertions.Expect(second.Locator(".comparison-table")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(second, "08-comparison-dark");
        await second.GotoAsync("/experiments/new");
        await Assertions.Expect(second.Locator("[data-action=try-sample]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(second, "09-new-experiment-dark");
    }
}
