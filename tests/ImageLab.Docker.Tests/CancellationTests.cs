using System.Diagnostics;
using ImageLab.Core.Builds;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Tests;

[Collection(EngineCollection.Name)]
public sealed class CancellationTests(EngineFixture fixture)
{
    [Theory]
    [InlineData(BuilderKind.Classic)]
    [InlineData(BuilderKind.BuildKit)]
    public async Task BuildAsync_CancelledDuringRunSleep_ThrowsAndStopsTheEngineBuild(BuilderKind builder)
    {
        // Arrange
        var marker = $"sleeper-{Guid.NewGuid():N}";
        var folder = fixture.CreateContext(new Dictionary<string, object>
        {
            ["Dockerfile"] = $"FROM busybox:latest\nRUN echo {marker} && sleep 60\n",
        });
        using var cancellation = new CancellationTokenSource();
        var recorder = new EventRecorder();
        recorder.Reported += e =>
        {
            if (e.Kind == BuildEventKind.Log && e.Text == marker)
            {
                cancellation.CancelAfter(TimeSpan.FromSeconds(2));
            }
        };
        var request = new BuildRequest
        {
            DockerfilePath = "Dockerfile",
            Builder = builder,
            Tags = [fixture.NewTag()],
            Labels = new Dictionary<string, string> { ["imagelab.test"] = "true" },
        };
        await using var context = Core.BuildContexts.BuildContextStream.Start(
            (output, ct) => Core.BuildContexts.BuildContextWriter.WriteDirectoryAsync(folder, output, new(), ct),
            CancellationToken.None);
        var clock = Stopwatch.StartNew();

        // Act
        var build = fixture.Engine.BuildAsync(request, context, recorder, cancellation.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        var cancelledAfter = clock.Elapsed;

        // Assert
        Assert.Contains(recorder.Events, e => e.Text == marker);
        Assert.True(cancelledAfter < TimeSpan.FromSeconds(20), $"BuildAsync returned after {cancelledAfter}");
        await WaitUntilAsync(() => !ProcessRunningWith(marker), TimeSpan.FromSeconds(20), $"a process running '{marker}' is still alive");
        if (builder == BuilderKind.Classic)
        {
            await WaitUntilAsync(
                async () => !(await fixture.DockerCliAsync("ps", "-a", "--no-trunc", "--format", "{{.Command}}")).Contains(marker, StringComparison.Ordinal),
                TimeSpan.FromSeconds(20),
                "the classic builder's RUN container was left behind");
        }
    }

    private static bool ProcessRunningWith(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(marker, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, failure);

    // Polls the engine's state (not a fixed sleep): the engine removes what a build left asynchronously.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"After {timeout}: {failure}.");
            }

            await Task.Delay(100);
        }
    }
}
