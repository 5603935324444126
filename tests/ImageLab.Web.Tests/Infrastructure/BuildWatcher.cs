using ImageLab.Core.Experiments;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>Follows an experiment over the hub until every iteration has ended, as a CI client would.</summary>
public static class BuildWatcher
{
    public static async Task<IReadOnlyList<BuildEventMessage>> FollowToEndAsync(
        HubConnection connection, ExperimentDetails experiment, TimeSpan timeout, long afterSequence = 0)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var events = new List<BuildEventMessage>();
        var open = experiment.Iterations.Select(i => i.Id).ToHashSet();
        try
        {
            await foreach (var message in connection.StreamAsync<BuildEventMessage>("Watch", experiment.Id, afterSequence, cancel.Token))
            {
                events.Add(message);
                if (message.Type == BuildEventType.Status && message.Status is { } status && status.IsFinal())
                {
                    open.Remove(message.IterationId);
                    if (open.Count == 0)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Experiment {experiment.Id} did not finish within {timeout.TotalSeconds} s; iterations still open: {string.Join(", ", open)}. " +
                $"Last events: {string.Join(" | ", events.TakeLast(5).Select(e => $"{e.Type} {e.Status} {e.Text}"))}");
        }

        return events;
    }
}
