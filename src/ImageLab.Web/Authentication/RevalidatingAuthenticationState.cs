using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ImageLab.Web.Authentication;

/// <summary>
/// The dashboard's authentication state: an open page (a Blazor circuit) checks every 30 seconds that its user is still
/// enabled and holds the same roles (<see cref="ICallerAuthorization.IsCurrentAsync"/>); when not, the circuit's user
/// becomes anonymous and its pages stop showing what the user may no longer see. Actions do not wait for this: they
/// check at the moment they run.
/// </summary>
public sealed class RevalidatingAuthenticationState(ILoggerFactory loggerFactory, ICallerAuthorization callers)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often an open page re-checks its user.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return callers.IsCurrentAsync(authenticationState.User, cancellationToken);
    }
}
