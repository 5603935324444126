using System.Net.Http.Json;
using System.Text.Json;

namespace ImageLab.EndToEnd.Tests;

/// <summary>Waits through the API, on the condition and never a fixed time, for an experiment submitted before a page opens.</summary>
internal static class ExperimentPolling
{
    /// <summary>Submits <paramref name="content"/> and waits for the experiment's first iteration to end; asserts it succeeded.</summary>
    public static async Task<(long ExperimentId, long IterationId)> SubmitAndWaitAsync(HttpClient http, MultipartFormDataContent content, TimeSpan timeout)
    {
        using var response = await http.PostAsync(new Uri("/api/experiments", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var experimentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var iteration = (await GetExperimentAsync(http, experimentId, deadline.Token)).GetProperty("iterations")[0];
            if (iteration.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Canceled")
            {
                Assert.True(iteration.GetProperty("status").GetString() == "Succeeded", iteration.ToString());
                return (experimentId, iteration.GetProperty("id").GetInt64());
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    public static Task<JsonElement> GetExperimentAsync(HttpClient http, long experimentId, CancellationToken cancellationToken = default) =>
        http.GetFromJsonAsync<JsonElement>(new Uri($"/api/experiments/{experimentId}", UriKind.Relative), cancellationToken);
}
