using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class ContainerRunTests(EngineFixture fixture)
{
    private const string Image = "busybox:latest";

    [Fact]
    public async Task RunContainerAsync_CommandThatPrints_ReturnsExitCodeAndOutputAndRemovesTheContainer()
    {
        // Arrange
        var label = Guid.NewGuid().ToString("N");
        var request = Request(["sh", "-c", "echo Hello from the check; echo to-stderr >&2; exit 3"], label);

        // Act
        var result = await fixture.Engine.RunContainerAsync(request, CancellationToken.None);

        // Assert
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Hello from the check", result.Output, StringComparison.Ordinal);
        Assert.Contains("to-stderr", result.Output, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.False(result.TimedOut);
        Assert.Empty(await ContainersLabelledAsync(label));
    }

    [Fact]
    public async Task RunContainerAsync_NetworkNone_HasNoInterfaceButLoopback()
    {
        // Arrange
        var request = Request(["sh", "-c", "ls /sys/class/net"], Guid.NewGuid().ToString("N"));

        // Act
        var result = await fixture.Engine.RunContainerAsync(request, CancellationToken.None);

        // Assert
        Assert.True(result.Succeeded, result.Output + result.StartError);
        Assert.Equal(["lo"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task RunContainerAsync_PastTheTimeout_IsKilledAndRemoved()
    {
        // Arrange
        var label = Guid.NewGuid().ToString("N");
        var request = Request(["sh", "-c", "echo started; sleep 600"], label) with { Timeout = TimeSpan.FromSeconds(2) };

        // Act
        var result = await fixture.Engine.RunContainerAsync(request, CancellationToken.None);

        // Assert
        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.Contains("started", result.Output, StringComparison.Ordinal);
        Assert.Empty(await ContainersLabelledAsync(label));
    }

    [Fact]
    public async Task RunContainerAsync_LongOutput_KeepsOnlyTheLimit()
    {
        // Arrange
        var request = Request(["sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"], Guid.NewGuid().ToString("N")) with { MaxOutputBytes = 1000 };

        // Act
        var result = await fixture.Engine.RunContainerAsync(request, CancellationToken.None);

        // Assert
        Assert.True(result.OutputTruncated);
        Assert.Equal(new string('x', 1000), result.Output);
    }

    [Fact]
    public async Task RunContainerAsync_NoSuchProgram_SaysItCouldNotStart()
    {
        // Arrange
        var label = Guid.NewGuid().ToString("N");
        var request = Request(["no-such-program-here"], label);

        // Act
        var result = await fixture.Engine.RunContainerAsync(request, CancellationToken.None);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("no-such-program-here", (result.StartError ?? "") + result.Output, StringComparison.Ordinal);
        Assert.Empty(await ContainersLabelledAsync(label));
    }

    private static ContainerRunRequest Request(IReadOnlyList<string> command, string label) => new()
    {
        Image = Image,
        Command = command,
        Labels = new Dictionary<string, string> { ["imagelab.test"] = "true", ["imagelab.test.run"] = label },
    };

    private async Task<string> ContainersLabelledAsync(string label) =>
        (await fixture.DockerCliAsync("ps", "-a", "--filter", $"label=imagelab.test.run={label}", "--format", "{{.ID}}")).Trim();
}
