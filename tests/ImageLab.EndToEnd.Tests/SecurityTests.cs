using System.Net.Http.Headers;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// What a stranger's build prints is shown as text, never run, and the Content-Security-Policy lets Blazor and MudBlazor
/// work without a single violation on the main pages.
/// </summary>
public sealed class SecurityTests
{
    private const string Payload = "<script>window.__pwned=1</script><b>bold</b>";

    [Fact]
    public async Task BuildLog_PrintingHtmlAndScript_ShowsAsTextAndNoPageBreaksThePolicy()
    {
        // Arrange: a build whose RUN prints markup, finished before the pages are opened.
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var (experimentId, iterationId) = await SubmitAndWaitAsync(http);
        var page = await browser.NewPageAsync(app);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: page error {error}");

        try
        {
            // Act
            foreach (var path in new[] { "/", "/experiments/new", $"/experiments/{experimentId}/iterations/{iterationId}" })
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Assertions.Expect(page.Locator(".mud-main-content, main").First).ToBeVisibleAsync();
            }

            // The layers page shows the RUN line's created-by, which holds the markup too.
            await Assertions.Expect(page.GetByText("window.__pwned", new() { Exact = false }).First).ToBeVisibleAsync();
            await page.GotoAsync($"/experiments/{experimentId}");
            await page.Locator(".mud-tab", new() { HasTextString = "Builds" }).ClickAsync();
            await page.Locator(".iteration-card").First.ClickAsync();
            var line = page.Locator(".log-text", new() { HasTextString = "window.__pwned" });
            await Assertions.Expect(line.First).ToBeVisibleAsync();

            // Assert
            Assert.Contains(Payload, await line.First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".log-body script, .log-body b, main script").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "The script in the build log ran.");
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-security");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    private static async Task<(long ExperimentId, long IterationId)> SubmitAndWaitAsync(HttpClient http)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("xss"), "project" },
            { new StringContent("classic"), "builder" },
        };
        var dockerfile = new StringContent($"FROM busybox:1.36\nRUN : {Guid.NewGuid():N} && echo '{Payload}'\n");
        dockerfile.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(dockerfile, "files", "Dockerfile");
        return await ExperimentPolling.SubmitAndWaitAsync(http, content, TimeSpan.FromMinutes(2));
    }
}
