using ImageLab.Core.Experiments;
using Microsoft.AspNetCore.SignalR;

namespace ImageLab.Web.Hubs;

/// <summary>
/// <c>/hubs/builds</c>: a thin adapter over the event feed for clients outside the browser. A client that
/// reconnects passes the last sequence it saw and gets every later event exactly once.
/// </summary>
public sealed class BuildsHub(IBuildEventFeed feed) : Hub
{
    public IAsyncEnumerable<BuildEventMessage> Watch(long experimentId, long afterSequence, CancellationToken cancellationToken) =>
        feed.WatchAsync(experimentId, afterSequence, cancellationToken);
}
