using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Telemetry;

public sealed partial class MetricsEndpointTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task Metrics_AfterARealBuild_ExposesImageLabMetricsWithPlausibleValues()
    {
        // Arrange: one build of two steps, one of them failing in a second experiment.
        var client = factory.CreateClient();
        var built = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFiles([("Dockerfile", $"FROM busybox\nRUN echo {Guid.NewGuid()} > /stamp\n")], ("project", "metrics")));
        var failed = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFiles([("Dockerfile", "FROM busybox\nRUN exit 3\n")], ("project", "metrics")));
        await Polling.WaitForAsync(client, built.Id, e => e.Status.IsFinal(), TimeSpan.FromMinutes(2), "the build");
        await Polling.WaitForAsync(client, failed.Id, e => e.Status.IsFinal(), TimeSpan.FromMinutes(2), "the failing build");

        // Act: the analysis runs after the iteration is Succeeded; wait for its duration to be recorded.
        var text = await WaitForMetricsAsync(client, t => Value(t, "imagelab_analysis_duration_seconds_count") >= 1);

        // Assert
        Assert.True(Value(text, "imagelab_build_duration_seconds_count", "outcome=\"succeeded\"") >= 1, text);
        Assert.True(Value(text, "imagelab_build_duration_seconds_sum", "outcome=\"succeeded\"") > 0, text);
        Assert.True(Value(text, "imagelab_build_duration_seconds_count", "outcome=\"failed\"") >= 1, text);
        Assert.True(Value(text, "imagelab_iterations_failed_total", "reason=\"build_error\"") >= 1, text);
        Assert.True(Value(text, "imagelab_queue_wait_seconds_count") >= 2, text);
        Assert.True(Value(text, "imagelab_events_lag_seconds_count") >= 1, text);
        Assert.True(Value(text, "imagelab_events_lag_seconds_sum") / Value(text, "imagelab_events_lag_seconds_count") < 60, text);
        Assert.True(Value(text, "imagelab_engine_up") >= 1, text);
        Assert.True(Value(text, "imagelab_queue_depth", "status=\"queued\"") >= 0, text);
        Assert.Contains("# HELP imagelab_queue_depth", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Anonymous_Refused()
    {
        using var anonymous = factory.CreateClientWithToken(null, followRedirects: false);

        var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_Member_Forbidden()
    {
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member), followRedirects: false);

        var response = await member.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> WaitForMetricsAsync(HttpClient client, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (condition(text))
            {
                return text;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/metrics never showed what the test waits for; last scrape:\n{text}");
        return text;
    }

    // The sum of a series' samples over the lines whose labels contain every one of the given label pairs (0 when absent).
    private static double Value(string text, string name, params string[] labels) =>
        SampleLine().Matches(text)
            .Where(m => m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN)( \d+)?$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
