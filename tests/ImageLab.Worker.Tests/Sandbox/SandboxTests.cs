using System.Diagnostics;
using System.Globalization;
using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Worker.Tests.Analysis;

namespace ImageLab.Worker.Tests.Sandbox;

/// <summary>
/// Builds are bounded: network, memory, time, log volume and secrets, each checked on the real engine through the whole
/// pipeline (queue, build, events, measurements), on each store.
/// </summary>
public abstract class SandboxTests(TestStoreKind store)
{
    // busybox's wget crashes on this offline base image, so nc stands in for it; the local registry is a listener on loopback.
    private static string RegistryHost => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1 {TestEnvironment.RegistryPort}");

    // A command no earlier build ran, so that no step comes from the build cache.
    private static string Fresh() => Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task Run_ReachingForTheNetworkWithoutAsking_FailsAndTheLogSaysWhy(BuilderKind builder)
    {
        // Arrange: the engine would allow host network (Docker:NetworkMode=host) but the experiment does not ask.
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && echo | nc -w 3 {RegistryHost} && echo && echo NETWORK-REACHED\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, builder);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Failed, iteration.Status);
        Assert.Contains("nc -w 3", iteration.Error, StringComparison.Ordinal);
        var log = await harness.ReadLogAsync(experiment, iteration);
        Assert.True(log.Any(l => l.Contains("can't connect to remote host (127.0.0.1)", StringComparison.Ordinal)), string.Join('\n', log));
        Assert.DoesNotContain("NETWORK-REACHED", log);
    }

    [Fact]
    public async Task Run_AskingForNetworkWhereTheEngineAllowsIt_ReachesTheNetwork()
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && echo | nc -w 3 {RegistryHost} && echo && echo NETWORK-REACHED\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic, requestsNetwork: true);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error);
        Assert.Contains("NETWORK-REACHED", await harness.ReadLogAsync(experiment, iteration));
    }

    [Fact]
    public async Task Run_AskingForNetworkWhereTheEngineAllowsNone_HasNoNetwork()
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Docker:NetworkMode"] = "none" }, store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && echo | nc -w 3 {RegistryHost} && echo && echo NETWORK-REACHED\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic, requestsNetwork: true);

        // Assert
        Assert.Equal(IterationStatus.Failed, Assert.Single(experiment.Iterations).Status);
    }

    [Fact]
    public async Task Run_AllocatingPastTheMemoryLimit_FailsWithThatReason()
    {
        // Arrange: busybox tail keeps a line without newline whole, so 300 MB of zeros must fit in memory.
        await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:MemoryLimitMb"] = "64" }, store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && head -c 300m /dev/zero | tail > /dev/null\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Failed, iteration.Status);
        Assert.Contains("137", iteration.Error, StringComparison.Ordinal);
        Assert.Contains("memory limit of 64 MB (Worker:MemoryLimitMb)", iteration.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SleepingPastTheTimeout_IsStoppedAndSaysSo()
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:BuildTimeoutSeconds"] = "3" }, store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && sleep 120\n";
        var clock = Stopwatch.StartNew();

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Failed, iteration.Status);
        Assert.Contains("longer than the limit of 3 seconds (Worker:BuildTimeoutSeconds) and was stopped", iteration.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"The build was stopped after {clock.Elapsed}.");
    }

    [Fact]
    public async Task Log_PastTheCap_IsTruncatedWithOneNote()
    {
        // Arrange: about 110 kB of output against a 16 kB cap.
        await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Worker:MaxLogBytes"] = "16384" }, store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && seq 1 20000\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, BuilderKind.Classic);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Succeeded, iteration.Status);
        var log = await harness.ReadLogAsync(experiment, iteration);
        Assert.Single(log, l => l == "log truncated after 16.4 kB (Worker:MaxLogBytes); further lines were dropped.");
        Assert.DoesNotContain("20000", log);
        var numbers = log.Where(l => l.Length > 0 && l.All(char.IsAsciiDigit)).ToList();
        Assert.NotEmpty(numbers);
        Assert.True(numbers.Sum(l => l.Length + 1) < 16384, "The stored build output is larger than the cap.");
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task Log_WithNulCharacters_IsStoredWithoutThem(BuilderKind builder)
    {
        // Arrange: PostgreSQL text cannot hold NUL; the line must still be stored, and the build must end.
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var dockerfile = $"FROM busybox:1.36\nRUN : {Fresh()} && printf 'before\\000after\\n' && exit 3\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, builder);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        Assert.Equal(IterationStatus.Failed, iteration.Status);
        var log = await harness.ReadLogAsync(experiment, iteration);
        Assert.True(log.Any(l => l.Contains("beforeafter", StringComparison.Ordinal)), string.Join('\n', log));
    }

    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task SecretBuildArgs_ByNameOrListed_NeverAppearInTheStoredLogOrLayers(BuilderKind builder)
    {
        // Arrange
        await using var harness = await PipelineHarness.StartAsync(store: store);
        var buildArgs = new Dictionary<string, string> { ["API_TOKEN"] = "tok-5b1e9c", ["PLAIN"] = "visible-value", ["DEPLOY"] = "hunter2-7f3a" };
        var dockerfile = $"FROM busybox:1.36\nARG API_TOKEN\nARG PLAIN\nARG DEPLOY\nRUN : {Fresh()} && echo \"t=$API_TOKEN p=$PLAIN d=$DEPLOY\" && echo done\n";

        // Act
        var experiment = await harness.BuildDockerfileAsync(dockerfile, builder, buildArgs, secretBuildArgs: ["DEPLOY"]);

        // Assert
        var iteration = Assert.Single(experiment.Iterations);
        var log = await harness.ReadLogAsync(experiment, iteration);
        Assert.True(iteration.Status == IterationStatus.Succeeded, iteration.Error + "\n" + string.Join('\n', log));
        Assert.True(log.Any(l => l.Contains("t=*** p=visible-value d=***", StringComparison.Ordinal)), string.Join('\n', log));
        Assert.DoesNotContain(log, l => l.Contains("tok-5b1e9c", StringComparison.Ordinal) || l.Contains("hunter2-7f3a", StringComparison.Ordinal));
        Assert.DoesNotContain(iteration.Layers, l => l.CreatedBy.Contains("tok-5b1e9c", StringComparison.Ordinal) || l.CreatedBy.Contains("hunter2-7f3a", StringComparison.Ordinal));
    }

    public sealed class OnPostgreSql() : SandboxTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : SandboxTests(TestStoreKind.Sqlite);
}
