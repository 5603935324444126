using ImageLab.Core.Experiments;
using ImageLab.Cli.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Cli.Live;

/// <summary>
/// Follows an experiment over <c>/hubs/builds</c> until every iteration has ended and, with <see cref="WaitForAnalysis"/>,
/// the layer analysis of every built one has been stored (it runs beside the builds, after each; waste and efficiency
/// budgets need it), or <see cref="AnalysisWait"/> has passed after the last build ended. When the connection
/// drops it connects again and asks for the events after the last sequence it handled, so that no event
/// is missed or handled twice.
/// </summary>
public sealed class BuildFollower(ImageLabClient client, Action<BuildEventMessage> handle, Action<string> note)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <summary>How long the hub may stay unreachable before the follower gives up.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether to wait for the layer analyses (a budget reads them); without it the builds' end is the end.</summary>
    public bool WaitForAnalysis { get; init; }

    /// <summary>How long to wait, once every build has ended, for the layer analyses still running.</summary>
    public TimeSpan AnalysisWait { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The last sequence handled.</summary>
    public long LastSequence { get; private set; }

    public async Task FollowAsync(ExperimentDetails experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var open = experiment.Iterations.Select(i => i.Id).ToHashSet();
        var analyzing = new HashSet<long>();
        using var analysisDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        DateTimeOffset? downSince = null;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (open.Count > 0 || analyzing.Count > 0)
        {
            var connection = client.CreateHubConnection();
            await using (connection)
            {
                try
                {
                    await connection.StartAsync(cancellationToken);
                    await foreach (var message in connection.StreamAsync<BuildEventMessage>("Watch", experiment.Id, LastSequence, analysisDeadline.Token))
                    {
                        downSince = null;
                        backoff = TimeSpan.FromMilliseconds(250);
                        if (message.Sequence <= LastSequence)
                        {
                            continue;
                        }

                        LastSequence = message.Sequence;
                        handle(message);
                        if (Track(message, open, WaitForAnalysis ? analyzing : null) && open.Count == 0)
                        {
                            if (analyzing.Count == 0)
                            {
                                return;
                            }

                            note($"Waiting for the layer analysis of {analyzing.Count} iteration(s) (waste, push size)...");
                            analysisDeadline.CancelAfter(AnalysisWait);
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
                catch (OperationCanceledException) when (analysisDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    note($"The layer analysis of {analyzing.Count} iteration(s) did not end within {AnalysisWait.TotalMinutes:0} min; the report goes without it.");
                    return;
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

            try
            {
                await Task.Delay(backoff, analysisDeadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>Whether the message ended an iteration's build; a successful one then waits for its analysis.</summary>
    private static bool Track(BuildEventMessage message, HashSet<long> open, HashSet<long>? analyzing)
    {
        if (message.Type == BuildEventType.Analyzed)
        {
            analyzing?.Remove(message.IterationId);
            return open.Count == 0 && analyzing is not { Count: > 0 };
        }

        if (message.Type != BuildEventType.Status || message.Status is not { } status || !status.IsFinal() || !open.Remove(message.IterationId))
        {
            return false;
        }

        if (status == IterationStatus.Succeeded)
        {
            analyzing?.Add(message.IterationId);
        }

        return true;
    }
}
