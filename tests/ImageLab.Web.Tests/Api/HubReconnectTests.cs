using ImageLab.Core.Experiments;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Web.Tests.Api;

public sealed class HubReconnectTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    [Fact]
    public async Task Watch_ReconnectWithLastSequence_NoEventMissedOrRepeated()
    {
        // Arrange: a build that prints a line every 50 ms for a few seconds.
        var client = factory.CreateClient();
        var dockerfile = $"FROM busybox\nRUN echo {Guid.NewGuid()} && for i in $(seq 1 80); do echo line $i; sleep 0.05; done\n";
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", dockerfile)]));

        // Act: watch, drop the connection after a few events, reconnect from the last sequence seen.
        var seen = new List<BuildEventMessage>();
        await using (var first = factory.CreateHubConnection())
        {
            await first.StartAsync();
            using var stop = new CancellationTokenSource();
            await foreach (var message in first.StreamAsync<BuildEventMessage>("Watch", experiment.Id, 0L, stop.Token))
            {
                seen.Add(message);
                if (seen.Count(m => m.Type == BuildEventType.Log) >= 10)
                {
                    break;
                }
            }
        }

        await using var second = factory.CreateHubConnection();
        await second.StartAsync();
        seen.AddRange(await BuildWatcher.FollowToEndAsync(second, experiment, TimeSpan.FromMinutes(2), afterSequence: seen[^1].Sequence));
        await using var replay = factory.CreateHubConnection();
        await replay.StartAsync();
        var everything = await BuildWatcher.FollowToEndAsync(replay, experiment, TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(everything.Select(e => e.Sequence), seen.Select(e => e.Sequence));
        var lines = seen.Where(e => e.Type == BuildEventType.Log && e.Text!.StartsWith("line ", StringComparison.Ordinal)).Select(e => e.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 80).Select(i => $"line {i}"), lines);
    }
}
