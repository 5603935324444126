using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// Proven advice in real Chromium against the real app, engine and database: from a naive iteration, the page asks for
/// a suggestion, follows its proof live, and shows the savings, the patch and the Dockerfile exactly as the API has them.
/// </summary>
public sealed class SuggestionTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(12);
    private static readonly string ShellLadder = Path.Combine(TestEnvironment.SamplesFolder, "shell-offline");

    [Fact]
    public async Task SuggestButton_ShellNaive_ShowsTheApisMeasuredSavingsPatchAndDockerfile()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var experimentId = await SubmitNaiveAsync(http);
        var page = await browser.NewPageAsync(app);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        try
        {
            await SuggestAndCheckAsync(page, http, experimentId);
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-suggestion");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    [Fact]
    public async Task SuggestButton_WeightsCopiedIntoTheImage_TheDiffShowsTheNewDockerignoreAsThePatchHasIt()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        using var http = app.CreateClient();
        var experimentId = await SubmitWeightsAsync(http);
        var page = await browser.NewPageAsync(app);
        try
        {
            // Arrange
            await page.GotoAsync($"/experiments/{experimentId}");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Builds" }).ClickAsync();

            // Act
            await page.Locator(".iteration-card[data-iteration='Dockerfile'] [data-action=suggest]").ClickAsync();
            var card = page.Locator(".iteration-card.is-suggestion");
            await Assertions.Expect(card.Locator(".status-chip")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = (float)BuildTimeout.TotalMilliseconds });
            await Assertions.Expect(card.Locator("tr[data-transformation='context-files-out']")).ToHaveAttributeAsync("data-status", "Measured");
            await card.Locator("details.suggestion-diff summary").ClickAsync();

            // Assert: the .dockerignore is a new file whose lines are all added, as the patch creates it.
            await Assertions.Expect(card.Locator("[data-diff-file=dockerignore]")).ToHaveTextAsync(".dockerignore (new file)");
            var ignoreDiff = card.Locator("[aria-label^='.dockerignore']");
            await Assertions.Expect(ignoreDiff.Locator(".line-diff-row.is-added .line-diff-text")).ToHaveTextAsync(
                ["# Large files the image does not need, left out by ImageLab (context-files-out)", "models/weights.bin"]);
            var suggestedId = (await ExperimentPolling.GetExperimentAsync(http, experimentId)).GetProperty("iterations").EnumerateArray()
                .Single(i => i.GetProperty("suggestedFrom").ValueKind == JsonValueKind.Number).GetProperty("id").GetInt64();
            var patch = await http.GetStringAsync(new Uri($"/api/experiments/{experimentId}/iterations/{suggestedId}/patch", UriKind.Relative));
            Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,2 @@\n+# Large files", patch, StringComparison.Ordinal);
            await BrowserSession.ScreenshotAsync(page, "suggestion-4-dockerignore");
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failure-suggestion-dockerignore");
            Console.WriteLine(app.Output);
            throw;
        }
    }

    private static async Task SuggestAndCheckAsync(IPage page, HttpClient http, long experimentId)
    {
        // Arrange: the built naive iteration, on the builds tab.
        await page.GotoAsync($"/experiments/{experimentId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Builds" }).ClickAsync();

        // Act: ask for a suggestion; it shows at once, queued, its transformations waiting.
        await page.Locator(".iteration-card[data-iteration='1-naive'] [data-action=suggest]").ClickAsync();
        var card = page.Locator(".iteration-card.is-suggestion");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator(".suggestion-from")).ToContainTextAsync("Suggested from #1 (1-naive)");
        await Assertions.Expect(card.Locator("tr.transformation").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "suggestion-1-queued");

        // The proof arrives live: built, then each transformation alone.
        await Assertions.Expect(card.Locator(".status-chip")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = (float)BuildTimeout.TotalMilliseconds });
        var suggested = (await ExperimentPolling.GetExperimentAsync(http, experimentId)).GetProperty("iterations").EnumerateArray().Single(i => i.GetProperty("suggestedFrom").ValueKind == JsonValueKind.Number);
        var transformations = suggested.GetProperty("transformations").EnumerateArray().ToList();
        Assert.NotEmpty(transformations);
        foreach (var transformation in transformations)
        {
            var id = transformation.GetProperty("id").GetString();
            Assert.Equal("Measured", transformation.GetProperty("status").GetString());
            var saved = transformation.GetProperty("savedBytes").GetInt64().ToString(CultureInfo.InvariantCulture);
            await Assertions.Expect(card.Locator($"tr[data-transformation='{id}']")).ToHaveAttributeAsync("data-status", "Measured");
            await Assertions.Expect(card.Locator($"tr[data-transformation='{id}'] [data-saved-bytes]")).ToHaveAttributeAsync("data-saved-bytes", saved);
        }

        await Assertions.Expect(card.Locator(".suggestion-check")).ToContainTextAsync("Builds, not run");

        // Assert: the patch, copied and downloaded (the link is a GET the browser's cookie signs), is the API's.
        var suggestedId = suggested.GetProperty("id").GetInt64();
        var patch = await http.GetStringAsync(new Uri($"/api/experiments/{experimentId}/iterations/{suggestedId}/patch", UriKind.Relative));
        Assert.StartsWith("--- a/Dockerfile.1-naive", patch, StringComparison.Ordinal);
        await card.Locator("[data-action=copy-patch]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasTextString = "Patch copied" })).ToBeVisibleAsync();
        Assert.Equal(patch, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        var downloadedPatch = await page.RunAndWaitForDownloadAsync(() => card.Locator("[data-action=download-patch]").ClickAsync());
        Assert.Equal("imagelab.patch", downloadedPatch.SuggestedFilename);
        Assert.Equal(patch, await File.ReadAllTextAsync(await downloadedPatch.PathAsync()));
        var downloadedDockerfile = await page.RunAndWaitForDownloadAsync(() => card.Locator("[data-action=download-dockerfile]").ClickAsync());
        Assert.Equal("Dockerfile.1-naive", downloadedDockerfile.SuggestedFilename);
        Assert.Equal(suggested.GetProperty("dockerfileText").GetString(), await File.ReadAllTextAsync(await downloadedDockerfile.PathAsync()));
        await card.Locator("details.suggestion-diff summary").ClickAsync();
        await Assertions.Expect(card.Locator(".line-diff-row.is-added").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "suggestion-2-measured");

        // The advice page says "measured" with the same bytes where a transformation proved a finding.
        await page.GotoAsync($"/experiments/{experimentId}/advice");
        var measured = page.Locator("li.finding [data-measured-bytes]");
        await Assertions.Expect(measured.First).ToBeVisibleAsync();
        var savings = transformations.Select(t => t.GetProperty("savedBytes").GetInt64().ToString(CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var bytes in await measured.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.measuredBytes)"))
        {
            Assert.Contains(bytes, savings);
        }

        await BrowserSession.ScreenshotAsync(page, "suggestion-3-advice");
    }

    // 120 MB of model weights copied into the image, by a COPY that names their folder: the page offers a suggestion for
    // a Dockerfile with findings, and without the context's sizes the advisor sees weights only where a COPY names them.
    private static async Task<long> SubmitWeightsAsync(HttpClient http)
    {
        var weights = new byte[120 * 1024 * 1024];
        new Random(14).NextBytes(weights);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("suggestions"), "project" },
            { new StringContent("weights"), "name" },
            { new StringContent("classic"), "builder" },
            { new ByteArrayContent("FROM busybox:1.36\nCOPY models /app/models\nCMD [\"ls\", \"/app\"]\n"u8.ToArray()), "files", "Dockerfile" },
            { new ByteArrayContent(weights), "files", "models/weights.bin" },
        };
        return (await ExperimentPolling.SubmitAndWaitAsync(http, content, BuildTimeout)).ExperimentId;
    }

    // The shell ladder's naive iteration alone, built with the classic builder as the API's suggestion tests do.
    private static async Task<long> SubmitNaiveAsync(HttpClient http)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("suggestions"), "project" },
            { new StringContent("shell naive"), "name" },
            { new StringContent("classic"), "builder" },
        };
        foreach (var file in new[] { "Dockerfile.1-naive", "tool.sh", "data.txt" })
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(ShellLadder, file)));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", file);
        }

        return (await ExperimentPolling.SubmitAndWaitAsync(http, content, BuildTimeout)).ExperimentId;
    }
}
