using System.Net;
using System.Text.Json;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// Waits for an iteration's layer analysis through the public API (<c>GET /api/iterations/ID/analysis</c>), failing
/// with its last answer. The analysis runs beside the builds: its files and waste are served first, the push size after.
/// </summary>
public static class AnalysisPolling
{
    /// <summary>The analysis once it is served, with its push size when <paramref name="withPushSize"/>.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, long iterationId, TimeSpan timeout, bool withPushSize = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var body = "(no answer)";
            try
            {
                using var response = await client.GetAsync(new Uri($"/api/iterations/{iterationId}/analysis", UriKind.Relative));
                body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var analysis = JsonDocument.Parse(body).RootElement.Clone();
                    if (!withPushSize || analysis.GetProperty("compressedSizeBytes").ValueKind == JsonValueKind.Number)
                    {
                        return analysis;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // The app may be restarting.
            }

            Assert.True(DateTime.UtcNow < deadline, $"Iteration {iterationId} was not analyzed within {timeout.TotalSeconds} s: {body}");
            await Task.Delay(250);
        }
    }
}
