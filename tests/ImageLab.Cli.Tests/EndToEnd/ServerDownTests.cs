using System.Net;
using System.Net.Sockets;
using ImageLab.Cli.Tests.Infrastructure;

namespace ImageLab.Cli.Tests.EndToEnd;

public sealed class ServerDownTests
{
    [Fact]
    public async Task Submit_ServerDown_ExitsThreeWithSentence()
    {
        using var folder = new ContextFolder(("Dockerfile", "FROM busybox:1.36\n"));
        var url = $"http://127.0.0.1:{UnusedPort()}";

        var run = await CliRun.RunAsync(folder.Path, new Dictionary<string, string> { ["IMAGELAB_URL"] = url }, "submit", ".", "--wait");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Matches(@"^ImageLab cannot be reached at http://127\.0\.0\.1:\d+/: Connection refused\. Check that it runs and --url \(or IMAGELAB_URL\)\.", run.Error);
    }

    [Fact]
    public async Task Show_ServerDown_ExitsThree()
    {
        var run = await CliRun.RunHereAsync("show", "1", "--url", $"http://127.0.0.1:{UnusedPort()}");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains("cannot be reached", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_BadUrl_ExitsTwo()
    {
        var run = await CliRun.RunHereAsync("show", "1", "--url", "ftp://nowhere");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is not an http:// or https:// address", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_UnknownOption_ExitsTwo()
    {
        var run = await CliRun.RunHereAsync("budget", "1", "--max-sise", "2MB");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
