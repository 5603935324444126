using System.Text.Json;
using ImageLab.Cli.Lint;
using ImageLab.Cli.Tests.Infrastructure;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Cli.Tests.Lint;

public sealed class SarifLogTests
{
    private const string Naive = """
        FROM python:3.11
        RUN apt-get update && apt-get install -y gcc
        RUN pip install flask
        """;

    [Fact]
    public void Write_Findings_HasEveryFieldSarif210Requires()
    {
        var findings = new DockerfileAdvisor().Analyze(Naive).Findings;

        using var sarif = JsonDocument.Parse(SarifLog.Write([new LintedFile("services/api/Dockerfile", findings)]));

        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifLog.Schema, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ImageLab", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
        });
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(findings.Count, results.Count);
        Assert.All(results, r =>
        {
            var ruleId = r.GetProperty("ruleId").GetString();
            Assert.Equal(ruleId, rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(r.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(r.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("services/api/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        });
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "DL3042");
    }

    [Fact]
    public void Write_NoFindings_EmptyResultsAndRules()
    {
        using var sarif = JsonDocument.Parse(SarifLog.Write([new LintedFile("Dockerfile", [])]));

        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task Lint_SarifFormatThroughCommandLine_ExitsOneWithValidLog()
    {
        using var folder = new ContextFolder(("Dockerfile", Naive));

        var run = await CliRun.RunAsync(folder.Path, null, "lint", "Dockerfile", "--format", "sarif");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Out);
        Assert.True(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Lint_MissingFile_ExitsTwoWithSentence()
    {
        using var folder = new ContextFolder(("Dockerfile", Naive));

        var run = await CliRun.RunAsync(folder.Path, null, "lint", "Nope.Dockerfile");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("The Dockerfile 'Nope.Dockerfile' cannot be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_FailOnNever_ExitsZero()
    {
        using var folder = new ContextFolder(("Dockerfile", Naive));

        var run = await CliRun.RunAsync(folder.Path, null, "lint", "Dockerfile", "--fail-on", "never");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Dockerfile:3: warning DL3042", run.Out, StringComparison.Ordinal);
    }
}
