using System.Text.RegularExpressions;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>The history page is prerendered: its rows are in the first HTML answer and stay put when the circuit takes over.</summary>
public sealed partial class HistoryPrerenderTests
{
    [Fact]
    public async Task History_Prerendered_RowsInTheFirstAnswerAndNoFlashWhenInteractive()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await HistorySeed.SeedAsync(database.ConnectionString, 25);

        // The first answer already holds the first page of rows, newest first.
        using var http = app.CreateClient();
        var html = System.Net.WebUtility.HtmlDecode(await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal(20, HistoryNamePattern().Count(html));
        Assert.Contains(">seeded experiment 1</a>", html, StringComparison.Ordinal);
        Assert.Contains("1–20 of 25", html, StringComparison.Ordinal);

        // In Chromium the rows never go away while the circuit takes over (no second read, no loading bar).
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(app);
        await HistoryPages.InstallAsync(page);
        await page.AddInitScriptAsync("""
            window.__history = { seen: false, emptied: false, loading: false };
            new MutationObserver(() => {
              const rows = document.querySelectorAll('.history-name').length;
              const range = document.querySelector('.history-range');
              if (rows > 0) { window.__history.seen = true; }
              else if (window.__history.seen) { window.__history.emptied = true; }
              if (range && range.textContent.trim() === '1–20 of 25' && document.querySelector('.mud-table-loading')) { window.__history.loading = true; }
            }).observe(document, { childList: true, subtree: true, characterData: true });
            """);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".history-name")).ToHaveCountAsync(20);

        // Wait until the page answers clicks (the circuit), then check what happened on the way.
        // (The next page's own read shows the loading bar under the first page's range, so the check comes before the click.)
        await HistoryPages.WaitUntilInteractiveAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__history.loading"), "the first page was read again when the circuit took over");
        await page.Locator("[data-page=next]").ClickAsync();
        await Assertions.Expect(page.Locator(".history-range")).ToHaveTextAsync("21–25 of 25");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__history.emptied"), "the rows vanished while the circuit took over");
        await Assertions.Expect(page.Locator(".history-name")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".history-name").First).ToHaveTextAsync("seeded experiment 21");
        await BrowserSession.ScreenshotAsync(page, "11-history-page-2");

        // Filters still read on the server once interactive.
        await page.Locator("[data-page=first]").ClickAsync();
        await Assertions.Expect(page.Locator(".history-range")).ToHaveTextAsync("1–20 of 25");
    }

    [GeneratedRegex("class=\"history-name\"")]
    private static partial Regex HistoryNamePattern();
}
