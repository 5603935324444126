using System.Text.RegularExpressions;
using ImageLab.Cli.Tests.Infrastructure;
using ImageLab.Testing;

namespace ImageLab.Cli.Tests.EndToEnd;

/// <summary>
/// A secret build argument submitted with the real CLI to the real app (a process, on the test engine): its value
/// appears in nothing the CLI prints or leaves behind — the live progress and a failing build's log tail of
/// <c>submit --wait</c> and <c>watch</c>, <c>show</c> and <c>compare</c> in every format, and <c>budget</c>. The
/// API's answers, pages and hub events are searched by the web tests' <c>SecretLeakTests</c>.
/// </summary>
public sealed partial class SecretLeakCliTests(AppFixture app) : IClassFixture<AppFixture>
{
    // One build that succeeds with the secret in a RUN's output, a label, an env and the layers' created-by; one that
    // fails right after printing it, so that the CLI prints that build's log tail.
    private const string Dockerfile = """
        FROM busybox:1.36
        ARG API_TOKEN
        ARG PLAIN
        RUN echo "token is $API_TOKEN, plain is $PLAIN" && mkdir -p /app && echo data > /app/data.txt
        LABEL build.note="made with $API_TOKEN"
        ENV TOKEN_COPY=$API_TOKEN
        RUN echo done
        """;

    private const string FailingDockerfile = """
        FROM busybox:1.36
        ARG API_TOKEN
        ARG PLAIN
        RUN echo "failing with $API_TOKEN, plain is $PLAIN" && exit 3
        """;

    private static readonly string[] Formats = ["table", "json", "markdown", "csv"];

    [Theory]
    [InlineData("buildkit")]
    [InlineData("classic")]
    public async Task Cli_SecretBuildArg_AppearsInNoOutputOrFile(string builder)
    {
        // Arrange
        var secret = $"tok-{Guid.NewGuid():N}";
        using var folder = new ContextFolder(("Dockerfile", Dockerfile), ("Failing.Dockerfile", FailingDockerfile));
        var environment = new Dictionary<string, string> { ["IMAGELAB_URL"] = app.BaseAddress.ToString(), ["IMAGELAB_TOKEN"] = app.AdminToken };
        Task<CliRun> Run(params string[] args) => CliRun.RunAsync(folder.Path, environment, args);

        // Act
        var submitted = await Run(
            "submit", ".", "--project", "cli-secret", "--builder", builder, "-f", "Dockerfile", "-f", "Failing.Dockerfile",
            "--build-arg", $"API_TOKEN={secret}", "--build-arg", "PLAIN=visible-value", "--wait");
        var id = ExperimentUrl().Match(submitted.Out).Groups[1].Value;
        var runs = new Dictionary<string, CliRun> { ["submit --wait"] = submitted, ["watch"] = await Run("watch", id) };
        foreach (var format in Formats)
        {
            runs[$"show --format {format}"] = await Run("show", id, "--format", format);
            runs[$"compare --format {format}"] = await Run("compare", id, "--against", id, "--format", format);
        }

        runs["budget"] = await Run("budget", id, "--max-size", "1kB");
        var files = Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        // Assert
        Assert.True(id.Length > 0, submitted.ToString() + app.AppOutput);
        Assert.All(["submit --wait", "watch"], name =>
        {
            Assert.True(runs[name].Out.Contains("Last lines of the log of Failing:", StringComparison.Ordinal), runs[name].ToString());
            Assert.Contains("plain is visible-value", runs[name].Out, StringComparison.Ordinal);
        });
        Assert.All(runs.Where(r => r.Key.StartsWith("show", StringComparison.Ordinal) || r.Key.StartsWith("compare", StringComparison.Ordinal)), r =>
            Assert.True(r.Value.ExitCode == ExitCodes.Ok, $"{r.Key}: {r.Value}"));
        Assert.All(runs, r => Assert.False(r.Value.Out.Contains(secret, StringComparison.Ordinal), $"{r.Key} prints the secret: {TextAround.Of(r.Value.Out, secret)}"));
        Assert.All(runs, r => Assert.False(r.Value.Error.Contains(secret, StringComparison.Ordinal), $"{r.Key} prints the secret on its errors: {TextAround.Of(r.Value.Error, secret)}"));
        Assert.All(files, f => Assert.False(f.Value.Contains(secret, StringComparison.Ordinal), $"{f.Key} holds the secret"));
    }

    [GeneratedRegex(@"/experiments/(\d+)")]
    private static partial Regex ExperimentUrl();
}
