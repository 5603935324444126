using System.Globalization;
using ImageLab.Core.Experiments;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace ImageLab.Web.Hubs;

/// <summary>
/// <c>/hubs/builds</c>: a thin adapter over the event feed for clients outside the browser. A client that
/// reconnects passes the last sequence it saw and gets every later event exactly once. A connection made with an API
/// token is closed within <see cref="TokenRecheckInterval"/> of the token's revocation (or its user's disabling): a
/// token is checked once per request, and a connection is one long request.
/// </summary>
public sealed class BuildsHub(IBuildEventFeed feed, ApiTokenStore tokens, TimeProvider clock) : Hub
{
    public static readonly TimeSpan TokenRecheckInterval = TimeSpan.FromSeconds(5);

    public override Task OnConnectedAsync()
    {
        if (Context.User?.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value is { } claim
            && long.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
        {
            _ = CloseWhenRevokedAsync(Context, tokens, clock, tokenId);
        }

        return base.OnConnectedAsync();
    }

    public IAsyncEnumerable<BuildEventMessage> Watch(long experimentId, long afterSequence, CancellationToken cancellationToken) =>
        feed.WatchAsync(experimentId, afterSequence, cancellationToken);

    // Runs beside the connection (the hub instance itself lives for one call only), so it takes what it needs as arguments.
    private static async Task CloseWhenRevokedAsync(HubCallerContext connection, ApiTokenStore tokens, TimeProvider clock, long tokenId)
    {
        using var timer = new PeriodicTimer(TokenRecheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(connection.ConnectionAborted))
            {
                if (await IsRevokedAsync(tokens, tokenId, connection.ConnectionAborted))
                {
                    connection.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<bool> IsRevokedAsync(ApiTokenStore tokens, long tokenId, CancellationToken cancellationToken)
    {
        try
        {
            return !await tokens.IsActiveAsync(tokenId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // The database is away: checked again on the next tick.
        }
    }
}
