using System.Text.Json;
using System.Text.RegularExpressions;
using ImageLab.Cli.Tests.Infrastructure;
using ImageLab.Core.Reports;

namespace ImageLab.Cli.Tests.EndToEnd;

/// <summary>The CLI in-process against the real app (a process, on the test engine and a fresh database).</summary>
public sealed partial class CliAgainstAppTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Dictionary<string, string> Environment => new() { ["IMAGELAB_URL"] = app.BaseAddress.ToString(), ["IMAGELAB_TOKEN"] = app.AdminToken };

    [Fact]
    public async Task SubmitWait_BusyboxContext_ExitsZeroAndPrintsEachStepOnce()
    {
        using var folder = Context(3);

        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString() + app.AppOutput);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/experiments/\d+\n", run.Out);
        Assert.Contains("[Dockerfile] succeeded in ", run.Out, StringComparison.Ordinal);
        AssertEachStepOnce(run.Out);
    }

    [Fact]
    public async Task SubmitWait_NoBudgetReadsTheAnalysis_EndsWithTheBuildsWithoutWaitingForIt()
    {
        using var folder = Context(1, ("imagelab.json", """{ "budgets": { "*": { "maxSize": "100MB" } } }"""));

        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.DoesNotContain("Waiting for the layer analysis", run.Error, StringComparison.Ordinal);
        Assert.Contains("Budget kept", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_PassingAndBrokenLimits_ExitZeroThenOneNamingRuleAndNumbers()
    {
        using var folder = Context(1);
        var submitted = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");
        Assert.True(submitted.ExitCode == ExitCodes.Ok, submitted.ToString());
        var id = ExperimentId(submitted.Out);

        var kept = await CliRun.RunAsync(folder.Path, Environment, "budget", id, "--max-size", "100MB");
        var broken = await CliRun.RunAsync(folder.Path, Environment, "budget", id, "--max-size", "1kB");

        Assert.True(kept.ExitCode == ExitCodes.Ok, kept.ToString());
        Assert.Contains("Budget kept: 1 check(s) passed.", kept.Out, StringComparison.Ordinal);
        Assert.True(broken.ExitCode == ExitCodes.Failed, broken.ToString());
        Assert.Matches(@"max-size: Dockerfile is [\d.]+ [kM]B \([\d,]+ bytes\), above the budget of 1 kB \(1,000 bytes\) by ", broken.Out);
    }

    [Fact]
    public async Task SubmitWait_ImagelabJsonBudgetBroken_ExitsOne()
    {
        using var folder = Context(1, ("imagelab.json", """{ "budgets": { "*": { "maxSize": "10kB" } } }"""));

        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("Budget broken: 1 rule(s) broken", run.Out, StringComparison.Ordinal);
        Assert.Contains("above the budget of 10 kB (10,000 bytes)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWait_WasteBudget_WaitsForTheLayerAnalysisAndChecksIt()
    {
        // 2 MB written in one layer and deleted in the next: wasted bytes the analysis finds after the build ends.
        using var folder = new ContextFolder(
            ("Dockerfile", $"FROM busybox:1.36\nRUN echo {Guid.NewGuid():N} > /id && dd if=/dev/urandom of=/blob bs=1024 count=2048\nRUN rm /blob\n"),
            ("imagelab.json", """{ "budgets": { "*": { "maxWaste": "1MB" } } }"""));

        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.DoesNotContain("not analyzed", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"max-waste: Dockerfile wastes 2\.\d+ MB \([\d,]+ bytes\), above the budget of 1 MB", run.Out);
    }

    [Fact]
    public async Task SubmitWait_FailingStep_ExitsOneWithLogTail()
    {
        using var folder = new ContextFolder(("Dockerfile", $"FROM busybox:1.36\nRUN echo boom-{Guid.NewGuid():N} && exit 3\n"));

        var run = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", Project(), "--wait");

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("[Dockerfile] failed after ", run.Out, StringComparison.Ordinal);
        Assert.Contains("Last lines of the log of Dockerfile:", run.Out, StringComparison.Ordinal);
        Assert.Contains("boom-", run.Out[run.Out.IndexOf("Last lines", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareBaseline_LabelledExperiments_ComparesWithNewestMain()
    {
        var project = Project();
        using var folder = Context(1);
        var first = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", project, "--label", "branch=main", "--wait");
        var second = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", project, "--label", "branch=main", "--label", "commit=abc", "--wait");
        var feature = await CliRun.RunAsync(folder.Path, Environment, "submit", ".", "--project", project, "--label", "branch=feature", "--wait");
        Assert.All([first, second, feature], r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));

        var compared = await CliRun.RunAsync(folder.Path, Environment, "compare", ExperimentId(feature.Out), "--baseline", "--format", "json");
        var markdown = await CliRun.RunAsync(folder.Path, Environment, "show", ExperimentId(feature.Out), "--format", "markdown");

        Assert.True(compared.ExitCode == ExitCodes.Ok, compared.ToString());
        var report = JsonSerializer.Deserialize<ExperimentReport>(compared.Out, ReportJson.Options)!;
        Assert.Equal(long.Parse(ExperimentId(second.Out)), report.Baseline!.ExperimentId);
        Assert.Equal(0.0, Assert.Single(report.Iterations).ChangeFromBaselinePercent);
        Assert.Contains("| vs baseline |", markdown.Out, StringComparison.Ordinal);
        Assert.Contains($"/experiments/{ExperimentId(feature.Out)})", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWait_HubConnectionCutMidBuild_ReconnectsAndPrintsEachStepOnce()
    {
        await using var proxy = new TcpProxy(app.BaseAddress);
        using var folder = Context(8, sleepSeconds: 1);
        var output = new SharedOutput();
        var environment = new Dictionary<string, string> { ["IMAGELAB_URL"] = proxy.Address.ToString() };

        var running = CliRun.RunAsync(folder.Path, environment, output, ["submit", ".", "--project", Project(), "--wait", "--token", app.AdminToken]);
        await WaitForAsync(() => output.ToString().Contains("step 3/", StringComparison.Ordinal), running);
        proxy.CutAll();
        await WaitForAsync(() => output.ToString().Contains("step 6/", StringComparison.Ordinal), running);
        proxy.CutAll();
        var run = await running;

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.True(proxy.CutCount > 0);
        Assert.Contains("reconnecting after event", run.Error, StringComparison.Ordinal);
        AssertEachStepOnce(run.Out);
    }

    // One line per step, none twice, none missing (1..M for the largest M seen).
    private static void AssertEachStepOnce(string output)
    {
        var steps = StepLine().Matches(output).Select(m => (Step: int.Parse(m.Groups[1].Value), Total: int.Parse(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(steps);
        var total = steps.Max(s => s.Total);
        Assert.Equal(Enumerable.Range(1, total), steps.Select(s => s.Step).Order());
    }

    private static ContextFolder Context(int runSteps, params (string Path, string Text)[] extra) => Context(runSteps, 0, extra);

    private static ContextFolder Context(int runSteps, int sleepSeconds, params (string Path, string Text)[] extra)
    {
        var marker = Guid.NewGuid().ToString("N");
        var runs = string.Concat(Enumerable.Range(1, runSteps).Select(i => $"RUN echo {marker}-{i} > /step{i}{(sleepSeconds > 0 ? $" && sleep {sleepSeconds}" : "")}\n"));
        return new ContextFolder([("Dockerfile", $"FROM busybox:1.36\n{runs}"), .. extra]);
    }

    private static string Project() => "cli-" + Guid.NewGuid().ToString("N")[..8];

    private static string ExperimentId(string output) => ExperimentUrl().Match(output).Groups[1].Value;

    private static async Task WaitForAsync(Func<bool> condition, Task running)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.False(running.IsCompleted, "The CLI ended before the build got there.");
            Assert.True(DateTime.UtcNow < deadline, "The build did not get there within 2 minutes.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"^\[Dockerfile\] step (\d+)/(\d+),", RegexOptions.Multiline)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"/experiments/(\d+)")]
    private static partial Regex ExperimentUrl();
}
