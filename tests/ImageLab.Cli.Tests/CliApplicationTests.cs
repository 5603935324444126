using ImageLab.Cli.Tests.Infrastructure;

namespace ImageLab.Cli.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task RunAsync_LintHelp_NamesTheToolAndListsNoServerOptions()
    {
        // Act
        var run = await CliRun.RunHereAsync("lint", "--help");

        // Assert
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("imagelab lint", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ImageLab.Cli", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--url", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--token", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SubmitHelp_ListsUrlAndToken()
    {
        // Act
        var run = await CliRun.RunHereAsync("submit", "--help");

        // Assert
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("imagelab submit", run.Out, StringComparison.Ordinal);
        Assert.Contains("--url", run.Out, StringComparison.Ordinal);
        Assert.Contains("--token", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LintWithUrl_UsageError()
    {
        // Act
        var run = await CliRun.RunHereAsync("lint", "Dockerfile", "--url", "http://localhost:5080");

        // Assert
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
