using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Once the web process listens, and while the database has no user, prints the setup address with its one-time token
/// (<see cref="SetupToken"/>): the line a newcomer copies into the browser, as Jupyter's.
/// </summary>
public sealed partial class SetupAnnouncement(
    IHostApplicationLifetime lifetime, IServer server, UserAdministration users, SetupToken token, ILogger<SetupAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await users.AnyUserAsync(cancellationToken))
            {
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page refuses once a user exists: better a line too many than a newcomer without the address.
            LogUsersNotChecked(logger, e.Message);
        }

        LogSetup(logger, token.SetupUrl(BaseAddress()));
    }

    // The first address the server listens on, with a wildcard host made one a browser can open.
    private string BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return address;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ImageLab has no user yet: create the first admin at {SetupUrl} (the token is this process's one-time setup token).")]
    private static partial void LogSetup(ILogger logger, string setupUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check whether ImageLab has users ({Reason}).")]
    private static partial void LogUsersNotChecked(ILogger logger, string reason);
}
