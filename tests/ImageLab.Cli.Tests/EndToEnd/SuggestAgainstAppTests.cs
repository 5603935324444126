using System.Text.Json;
using System.Text.RegularExpressions;
using ImageLab.Cli.Tests.Infrastructure;
using ImageLab.Core.Formatting;
using ImageLab.Core.Reports;
using ImageLab.Testing;

namespace ImageLab.Cli.Tests.EndToEnd;

/// <summary>
/// <c>suggest</c> and <c>submit --suggest</c> in-process against the real app: the shell ladder's naive Dockerfile gets a
/// suggestion that is built, measured and written as a Dockerfile, a patch and a line of the pull request's report.
/// </summary>
public sealed partial class SuggestAgainstAppTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string ShellLadder = Path.Combine(TestEnvironment.SamplesFolder, "shell-offline");

    private Dictionary<string, string> Environment => new() { ["IMAGELAB_URL"] = app.BaseAddress.ToString(), ["IMAGELAB_TOKEN"] = app.AdminToken };

    [Fact]
    public async Task SubmitSuggest_ShellNaive_WritesThePatchAndAddsTheProvenSavingToTheReport()
    {
        // Arrange
        using var folder = NaiveShellContext();

        // Act
        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--builder", "classic", "--suggest", "--report", "report.md");

        // Assert
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString() + app.AppOutput);
        var id = ExperimentUrl().Match(run.Out).Groups[1].Value;
        var shown = await CliRun.RunAsync(folder.Path, Environment, "show", id, "--format", "json");
        var report = JsonSerializer.Deserialize<ExperimentReport>(shown.Out, ReportJson.Options)!;
        Assert.Equal(2, report.Iterations.Count);
        var (source, suggested) = (report.Iterations[0], report.Iterations[1]);
        var line = $"This PR's image could be {Percentage.Reduction(source.SizeBytes, suggested.SizeBytes)} ({ByteSize.Format(source.SizeBytes!.Value)} → {ByteSize.Format(suggested.SizeBytes!.Value)}, uncompressed, measured on Docker ";
        Assert.Contains(line, run.Out, StringComparison.Ordinal);
        Assert.Contains("): apply `imagelab.patch` (check: builds, not run).", run.Out, StringComparison.Ordinal);
        Assert.Contains("join-runs", run.Out, StringComparison.Ordinal);
        var patch = await File.ReadAllTextAsync(Path.Combine(folder.Path, "imagelab.patch"));
        Assert.StartsWith("--- a/Dockerfile.1-naive\n+++ b/Dockerfile.1-naive\n", patch, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder.Path, "report.md"));
        Assert.Contains("1-naive suggested", markdown, StringComparison.Ordinal);
        Assert.Contains(line, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestWaitWrite_BuiltNaive_PrintsMeasuredTransformationsAndWritesTheDockerfile()
    {
        // Arrange
        using var folder = NaiveShellContext();
        var submitted = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--builder", "classic", "--wait");
        Assert.True(submitted.ExitCode == ExitCodes.Ok, submitted.ToString());
        var id = ExperimentUrl().Match(submitted.Out).Groups[1].Value;

        // Act
        var run = await CliRun.RunAsync(folder.Path, Environment, "suggest", id, "--wait", "--write", "Dockerfile.suggested");

        // Assert
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString() + app.AppOutput);
        Assert.Contains("Suggested iteration 2 (1-naive suggested) from iteration 1 (1-naive)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"join-runs\s+\d+\s+measured\s+[\d.]+ [kMG]?B ", run.Out);
        Assert.Matches(@"smaller-base\s+\d+\s+measured\s+[\d.]+ [kMG]?B ", run.Out);
        Assert.Contains("uncompressed", run.Out, StringComparison.Ordinal);
        Assert.Contains("Check: builds, not run.", run.Out, StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(Path.Combine(folder.Path, "Dockerfile.suggested"));
        Assert.StartsWith("# The first attempt", written, StringComparison.Ordinal);
        Assert.Contains("FROM debian:bookworm-slim", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_NothingToRewrite_ExitsTwoWithTheServersSentence()
    {
        // Arrange
        using var folder = new ContextFolder(("Dockerfile", $"FROM busybox:1.36\nLABEL run={Guid.NewGuid():N}\nCMD [\"true\"]\n"));
        var submitted = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");
        Assert.True(submitted.ExitCode == ExitCodes.Ok, submitted.ToString());
        var id = ExperimentUrl().Match(submitted.Out).Groups[1].Value;

        // Act
        var run = await CliRun.RunAsync(folder.Path, Environment, "suggest", id, "--iteration", "Dockerfile");

        // Assert
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("No transformation applies to iteration 1 (Dockerfile)", run.Error, StringComparison.Ordinal);
    }

    private static ContextFolder NaiveShellContext() => new(
        [.. new[] { "Dockerfile.1-naive", "tool.sh", "data.txt" }.Select(f => (f, File.ReadAllText(Path.Combine(ShellLadder, f))))]);

    private static string Project() => "cli-suggest-" + Guid.NewGuid().ToString("N")[..8];

    [GeneratedRegex(@"/experiments/(\d+)")]
    private static partial Regex ExperimentUrl();
}
