using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>Waits for an experiment to reach a state through the public API, failing with what it last saw.</summary>
public static class Polling
{
    public static async Task<ExperimentDetails> WaitForAsync(
        HttpClient client, long experimentId, Func<ExperimentDetails, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        ExperimentDetails? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await ExperimentUpload.GetAsync(client, experimentId);
                if (condition(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // The app may be restarting.
            }

            await Task.Delay(250);
        }

        var state = last is null ? "nothing" : string.Join(", ", last.Iterations.Select(i => $"{i.Name}: {i.Status} ({i.Error})"));
        Assert.Fail($"Waited {timeout.TotalSeconds} s for {what}; last seen: {state}");
        return last!;
    }
}
