using System.Security.Claims;
using ImageLab.Data;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Web.Authentication;

/// <summary>
/// The caller's rights as the database holds them now, not as a sign-in cookie or an open page remembers them. Every
/// admin and submit action asks here at the moment it acts (<see cref="EnsureAsync"/>), so that a disabled admin's or a
/// demoted member's open page is refused at once; the dashboard's authentication state asks every 30 seconds
/// (<see cref="IsCurrentAsync"/>). One small database read, no cache.
/// </summary>
public sealed class CallerAuthorization(IDbContextFactory<ImageLabDbContext> contexts) : ICallerAuthorization
{
    /// <summary>The user's roles now, or null when there is no such user or it is disabled.</summary>
    public async Task<IReadOnlyList<string>?> GetCurrentRolesAsync(string? userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userName))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.UserName == userName)
            .Select(u => new { u.Id, u.DisabledAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.DisabledAt is not null)
        {
            return null;
        }

        return await (from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where userRole.UserId == user.Id
                      select role.Name!).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task EnsureAsync(string? userName, IReadOnlyCollection<string> roles, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var current = await GetCurrentRolesAsync(userName, cancellationToken);
        if (current is null)
        {
            throw new CallerNotAllowedException(
                $"{(string.IsNullOrEmpty(userName) ? "This session" : userName)} may no longer {action}: the account is disabled or gone. Sign in again.");
        }

        if (!current.Any(roles.Contains))
        {
            throw new CallerNotAllowedException(
                $"{userName} may no longer {action}: that needs the role {string.Join(" or ", roles)}, and {userName} is now {(current.Count == 0 ? "without a role" : string.Join(", ", current))}.");
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
        {
            return true;
        }

        var current = await GetCurrentRolesAsync(identity.Name, cancellationToken);
        if (current is null)
        {
            return false;
        }

        var claimed = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return claimed.SetEquals(current);
    }
}
