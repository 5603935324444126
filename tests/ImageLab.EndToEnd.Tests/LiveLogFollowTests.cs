using System.Globalization;
using System.Text;
using System.Text.Json;
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

    // Ten lines every 0.1 s for Seconds seconds; busybox only, no network; the run id keeps the build cache out.
    private static readonly string Dockerfile = string.Join('\n',
        "FROM busybox:1.36",
        $"RUN echo run {Guid.NewGuid():N}; end=$(( $(cut -d. -f1 /proc/uptime) + " + Seconds.ToString(CultureInfo.InvariantCulture) + " )); n=0; "
            + "while [ $(cut -d. -f1 /proc/uptime) -lt $end ]; do for i in 0 1 2 3 4 5 6 7 8 9; do n=$((n+1)); echo \"tick $n\"; done; usleep 100000; done; echo \"done $n\"",
        "");

    [Fact]
    public async Task LiveLog_LinesStreaming_FollowsTheEndUntilTheReaderScrollsUp()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Docker:NetworkMode"] = "none" });
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var page = await browser.NewPageAsync(app);
        var id = await SubmitAsync(http);
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
            newest.Add(await NewestTickAsync(page));
        }

        await page.Locator(".log-body").HoverAsync();
        await page.Mouse.WheelAsync(0, -3000);

        // Assert
        Assert.Equal(0, spuriousStops);
        Assert.True(newest[^1] > newest[0], $"The newest line shown should move on while lines stream in: {string.Join(", ", newest)}.");
        await Assertions.Expect(follow).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await follow.ClickAsync();
        await Assertions.Expect(follow).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }

    private static async Task<long> SubmitAsync(HttpClient http)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("live-log-follow"), "project" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Dockerfile)), "files", "Dockerfile" },
        };
        using var response = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static Task<long> NewestTickAsync(IPage page) =>
        page.EvaluateAsync<long>(
            "() => { const lines = document.querySelectorAll('.log-line .log-text'); for (let i = lines.length - 1; i >= 0; i--) { const m = /tick (\\d+)/.exec(lines[i].textContent); if (m) { return Number(m[1]); } } return 0; }");
}
