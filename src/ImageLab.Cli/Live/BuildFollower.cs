using ImageLab.Core.Experiments;
using ImageLab.Cli.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Cli.Live;

/// <summary>
/// Follows an experiment over <c>/hubs/builds</c> until every iteration has ended. When the connection
/// drops it connects again and asks for the events after the last sequence it handled, so that no event
/// is missed or handled twice.
/// </summary>
public sealed class BuildFollower(ImageLabClient client, Action<BuildEventMessage> handle, Action<string> note)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>How long the hub may stay unreachable before the follower gives up.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The last sequence handled.</summary>
    public long LastSequence { get; private set; }

    public async Task FollowAsync(ExperimentDetails experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var open = experiment.Iterations.Select(i => i.Id).ToHashSet();
        DateTimeOffset? downSince = null;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (open.Count > 0)
        {
            var connection = client.CreateHubConnection();
            await using (connection)
            {
                try
                {
                    await connection.StartAsync(cancellationToken);
                    await foreach (var message in connection.StreamAsync<BuildEventMessage>("Watch", experiment.Id, LastSequence, cancellationToken))
                    {
                        downSince = null;
                        backoff = TimeSpan.FromMilliseconds(250);
                        if (message.Sequence <= LastSequence)
                        {
                            continue;
                        }

                        LastSequence = message.Sequence;
                        handle(message);
                        if (message.Type == BuildEventType.Status && message.Status is { } status && status.IsFinal()
                            && open.Remove(message.IterationId) && open.Count == 0)
                        {
                            return;
                        }
                    }

                    throw new HubException("The server ended the event stream.");
                }
                catch (HttpRequestException e) when (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
                {
                    // A refused token does not get better by reconnecting.
                    throw new CliException(ExitCodes.Unreachable,
                        $"The server refused the token: the builds hub at {client.Server.BaseAddress} answered {(int)e.StatusCode!}. Give a valid token with --token or IMAGELAB_TOKEN.", e);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not CliException)
                {
                    downSince ??= DateTimeOffset.UtcNow;
                    if (DateTimeOffset.UtcNow - downSince > GiveUpAfter)
                    {
                        throw client.Unreachable(e);
                    }

                    note($"The connection to the builds hub dropped ({e.Message.TrimEnd('.')}); reconnecting after event {LastSequence}.");
                }
            }

            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
