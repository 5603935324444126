using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Security;

/// <summary>
/// A secret build argument given to the real app, built on the real engine and analyzed: its value appears in no answer
/// of the API (experiment, list, log, analysis, files, comparison, reports in Markdown, JSON and CSV, audit, health), no
/// live event of the hub and no page as the server first renders it (dashboard, experiment, iteration, comparison,
/// advice, files, audit, users; what a page adds once its circuit connects is read from the same masked store). What the CLI prints is searched by the CLI tests' <c>SecretLeakCliTests</c>.
/// </summary>
public sealed class SecretLeakTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private const string Dockerfile = """
        FROM busybox:1.36
        ARG API_TOKEN
        ARG PLAIN
        RUN echo "token is $API_TOKEN, plain is $PLAIN" && mkdir -p /app && echo data > /app/data.txt
        LABEL build.note="made with $API_TOKEN"
        ENV TOKEN_COPY=$API_TOKEN
        RUN echo done
        """;

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task Submit_SecretBuildArg_AppearsInNoAnswerEventOrPage(BuilderKind builder)
    {
        // Arrange
        var secret = $"tok-{Guid.NewGuid():N}";
        using var client = factory.CreateClient();
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles(
            [("Dockerfile", Dockerfile)],
            ("project", "secret-leak"), ("builder", builder.ToString()), ("buildArgs", $"API_TOKEN={secret}"), ("buildArgs", "PLAIN=visible-value")));
        var events = await BuildWatcher.FollowToEndAsync(hub, experiment, TimeSpan.FromMinutes(4));
        var built = await Polling.WaitForAsync(client, experiment.Id, e => e.Iterations.All(i => i.Status == IterationStatus.Succeeded), TimeSpan.FromSeconds(30), "the build");
        var iteration = built.Iterations.Single().Id;
        var analysis = (await AnalysisPolling.WaitForAsync(client, iteration, TimeSpan.FromMinutes(3))).GetRawText();
        string[] paths =
        [
            $"/api/experiments/{experiment.Id}",
            "/api/experiments",
            "/api/experiments?project=secret-leak",
            $"/api/experiments/{experiment.Id}/iterations/{iteration}/log",
            $"/api/iterations/{iteration}/files",
            $"/api/iterations/{iteration}/files?path=/app",
            $"/api/compare?a={iteration}&b={iteration}",
            $"/api/experiments/{experiment.Id}/report?format=markdown",
            $"/api/experiments/{experiment.Id}/report?format=json",
            $"/api/experiments/{experiment.Id}/report?format=csv",
            "/api/audit",
            "/healthz",
            "/",
            $"/experiments/{experiment.Id}",
            $"/experiments/{experiment.Id}/iterations/{iteration}",
            $"/experiments/{experiment.Id}/compare",
            $"/experiments/{experiment.Id}/advice",
            $"/iterations/{iteration}/files",
            $"/iterations/{iteration}/files?path=/app",
            "/admin/audit",
            "/admin/users",
        ];
        var answers = new Dictionary<string, string> { [$"/api/iterations/{iteration}/analysis"] = $"200 {analysis}" };
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            answers[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        // Assert
        Assert.Contains("visible-value", answers[$"/api/experiments/{experiment.Id}/iterations/{iteration}/log"], StringComparison.Ordinal);
        Assert.All(answers, a => Assert.True(a.Value.StartsWith("200 ", StringComparison.Ordinal), $"{a.Key} answered {a.Value[..Math.Min(a.Value.Length, 300)]}"));
        Assert.All(answers, a => Assert.False(a.Value.Contains(secret, StringComparison.Ordinal), $"{a.Key} shows the secret: {TextAround.Of(a.Value, secret)}"));
        Assert.All(events, e => Assert.DoesNotContain(secret, e.Text ?? "", StringComparison.Ordinal));
        Assert.Contains(SecretMasker.Mask, analysis, StringComparison.Ordinal);
    }
}
