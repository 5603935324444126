using System.Security.Claims;
using ImageLab.Core.Security;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Re-checks a caller's rights against what the database holds now (see <see cref="CallerAuthorization"/>). Business
/// actions call <see cref="EnsureAsync"/> first thing: submit, cancel, prune, user administration.
/// </summary>
public interface ICallerAuthorization
{
    /// <summary>The roles that may submit and cancel experiments.</summary>
    static IReadOnlyList<string> Builders { get; } = [ImageLabRoles.Admin, ImageLabRoles.Member];

    /// <summary>The roles that may manage users and the engine.</summary>
    static IReadOnlyList<string> Admins { get; } = [ImageLabRoles.Admin];

    /// <summary>
    /// Throws <see cref="CallerNotAllowedException"/> with a sentence unless <paramref name="userName"/> exists, is
    /// enabled and holds one of <paramref name="roles"/> now. <paramref name="action"/> completes "may no longer ...".
    /// </summary>
    Task EnsureAsync(string? userName, IReadOnlyCollection<string> roles, string action, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a signed-in principal still stands as it did when it signed in: the user exists, is enabled and has
    /// exactly the roles its claims name. Anonymous principals have nothing to lose and are always current.
    /// </summary>
    Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
