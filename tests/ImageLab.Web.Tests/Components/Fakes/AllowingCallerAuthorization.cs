using System.Security.Claims;
using ImageLab.Web.Authentication;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>
/// Lets every caller act, for component tests without a database (what the page shows is decided by the bUnit
/// authorization context). The real re-check against the database is tested in the end-to-end tests.
/// </summary>
public sealed class AllowingCallerAuthorization : ICallerAuthorization
{
    public Task EnsureAsync(string? userName, IReadOnlyCollection<string> roles, string action, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => Task.FromResult(true);
}
