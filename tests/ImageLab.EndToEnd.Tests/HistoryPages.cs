using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>The prerendered history page in the browser: when its circuit has taken over.</summary>
internal static class HistoryPages
{
    /// <summary>
    /// Clicks "next page" until the pager answers with <paramref name="expectedRange"/>: a prerendered button does
    /// nothing until the circuit has connected, so the first answer marks the page as interactive.
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(IPage page, string expectedRange)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var range = page.Locator(".history-range");
        while (true)
        {
            await page.Locator("[data-page=next]").ClickAsync();
            try
            {
                await Assertions.Expect(range).ToHaveTextAsync(expectedRange, new() { Timeout = 100 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
