using System.Net;
using ImageLab.Testing;
using Microsoft.Playwright;

namespace ImageLab.EndToEnd.Tests;

/// <summary>
/// A browser signed in to ImageLab, driven from another origin: its cookie-authenticated POSTs to the API and its hub
/// handshakes are refused, while the same requests from ImageLab's own origin go through (real app process, Chromium's cookie).
/// </summary>
public sealed class CrossOriginTests
{
    [Fact]
    public async Task CookiePost_FromAnotherOrigin_IsRefusedAndFromItsOwnOriginIsNot()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync(app);
        var own = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        const string evil = "http://evil.example";

        // Act
        var cancelEvil = await PostAsync(page, "/api/experiments/424242/cancel", evil);
        var cancelOwn = await PostAsync(page, "/api/experiments/424242/cancel", own);
        var hubEvil = await PostAsync(page, "/hubs/builds/negotiate?negotiateVersion=1", evil);
        var hubOwn = await PostAsync(page, "/hubs/builds/negotiate?negotiateVersion=1", own);
        var crossSite = await page.Context.APIRequest.PostAsync(new Uri(app.BaseAddress, "/api/experiments/424242/cancel").ToString(),
            new() { Headers = new Dictionary<string, string> { ["Sec-Fetch-Site"] = "cross-site" } });

        // Assert
        Assert.Equal((int)HttpStatusCode.Forbidden, cancelEvil.Status);
        Assert.Contains("must come from ImageLab's own pages", await cancelEvil.TextAsync(), StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.NotFound, cancelOwn.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, hubEvil.Status);
        Assert.Equal((int)HttpStatusCode.OK, hubOwn.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, crossSite.Status);
    }

    private static Task<IAPIResponse> PostAsync(IPage page, string path, string origin) =>
        page.Context.APIRequest.PostAsync(new Uri(new Uri(page.Url), path).ToString(),
            new() { Headers = new Dictionary<string, string> { ["Origin"] = origin } });
}
