using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// The live log follows the end while lines stream in, and stops only when the reader scrolls up: batches of new lines
/// landing before the page scrolls to them must not read as the reader leaving the end.
/// </summary>
public sealed class LiveLogFollowTests
{
    private const int Seconds = 40;

    private static readonly string Dockerfile = TickingBuild.Dockerfile(Seconds, linesPerBatch: 10);

    [Fact]
    public async Task LiveLog_LinesStreaming_FollowsTheEndUntilTheReaderScrollsUp()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Docker:NetworkMode"] = "none" });
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        var id = await TickingBuild.SubmitAsync(http, "live-log-follow", Dockerfile);
        await page.GotoAsync($"/experiments/{id}");
        var ticks = page.Locator(".log-line .log-text", new() { HasTextString = "tick " });
        await Assertions.Expect(ticks.First).ToBeVisibleAsync(new() { Timeout = 180_000 });
        var follow = page.Locator(".log-follow");

        // Act: watch while lines stream in, then scroll up as a reader would.
        var newest = new List<long>();
        var spuriousStops = 0;
        for (var sample = 0; sample < 20; sample++)
        {
            await Task.Delay(500);
            spuriousStops += await follow.CountAsync();
            newest.Add((await TickingBuild.NewestShownAsync(page))?.Number ?? 0);
        }

        await page.Locator(".log-body").HoverAsync();
        await page.Mouse.WheelAsync(0, -3000);

        // Assert
        Assert.Equal(0, spuriousStops);
        Assert.True(newest[^1] > newest[0], $"The newest line shown should move on while lines stream in: {string.Join(", ", newest)}.");
        await Assertions.Expect(follow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var readAt = await FirstLineInViewAsync(page);
        var lines = long.Parse(await page.Locator("[data-log-count]").GetAttributeAsync("data-log-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(readAt > 0 && readAt < lines - 30, $"Scrolled up, the reader should see earlier lines (not an empty spacer): first line in view {readAt} of {lines}.");
        await BrowserSession.ScreenshotAsync(page, "14-live-log-scrolled-up");
        await follow.ClickAsync();
        await Assertions.Expect(follow).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    // The number of the first line wholly inside the log's viewport, once the virtualized list has rendered there.
    private static async Task<long?> FirstLineInViewAsync(IPage page)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var number = await page.EvaluateAsync<long?>("""
                () => {
                  const body = document.querySelector('.log-body'), box = body.getBoundingClientRect();
                  for (const line of body.querySelectorAll('.log-line')) {
                    const r = line.getBoundingClientRect();
                    if (r.top >= box.top && r.bottom <= box.bottom) { return Number(line.querySelector('.log-no').textContent); }
                  }
                  return null;
                }
                """);
            if (number is not null)
            {
                return number;
            }

            await Task.Delay(200);
        }

        return null;
    }
}
