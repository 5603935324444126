using ImageLab.Core.Security;
using ImageLab.Data;
using ImageLab.Data.Entities;
using ImageLab.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Users, roles and tokens as the admin page, the account page, the first-run page and the <c>users</c> command
/// change them; every change is audited. Each call runs in its own scope (a fresh Identity store), so that a
/// long-lived Blazor circuit never holds a stale one.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes, IDbContextFactory<ImageLabDbContext> contexts, ApiTokenStore tokens, IAuditLog audit, TimeProvider clock)
{
    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.UserRoles.ToDictionaryAsync(r => r.UserId, r => r.RoleId, cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.CreatedAt, u.DisabledAt, HasPassword = u.PasswordHash != null, Tokens = u.ApiTokens.Count(t => t.RevokedAt == null) })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserInfo(u.Id, u.UserName ?? "", roles.GetValueOrDefault(u.Id, "(none)"), u.CreatedAt, u.DisabledAt, u.HasPassword, u.Tokens))];
    }

    /// <summary>Creates a user with one role and, when given, a password. <paramref name="actor"/> is who does it (for the audit).</summary>
    public async Task<ImageLabUser> CreateAsync(string name, string role, string? password, string actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await AddUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>(), name, role, password);
        await audit.RecordAsync(actor, AuditActions.UserCreated, $"user {user.UserName}", $"role {ImageLabRoles.Parse(role)}", cancellationToken);
        return user;
    }

    /// <summary>A user's first OpenID Connect sign-in: a user of that name (made unique) with the configured role, linked to the login.</summary>
    public async Task<ImageLabUser> CreateExternalAsync(string name, string role, UserLoginInfo login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>();
        var unique = name.Trim();
        for (var n = 2; await users.FindByNameAsync(unique) is not null; n++)
        {
            unique = $"{name.Trim()}-{n}";
        }

        var created = await CreateAsync(unique, role, password: null, actor: login.LoginProvider, cancellationToken);
        var user = await users.FindByIdAsync(created.Id) ?? created;
        Check(await users.AddLoginAsync(user, login), $"The sign-in of '{unique}' cannot be linked");
        return user;
    }

    /// <summary>
    /// The first-run page: creates the first admin, or returns null when any user exists already. The check and the
    /// creation are one step for every process on the database (<see cref="FirstUserLock"/>): of racing first runs, one wins.
    /// </summary>
    public async Task<ImageLabUser?> CreateFirstAdminAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImageLabDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await FirstUserLock.TakeAsync(db, cancellationToken);
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var admin = await AddUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>(), name, ImageLabRoles.Admin, password);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(admin.UserName!, AuditActions.UserCreated, $"user {admin.UserName}", $"role {ImageLabRoles.Admin}", cancellationToken);
        return admin;
    }

    public async Task SetRoleAsync(string name, string role, string actor, CancellationToken cancellationToken)
    {
        var roleName = ImageLabRoles.Parse(role)
            ?? throw new UserAdministrationException($"'{role}' is not a role: use admin, member or viewer.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>();
        var user = await FindAsync(users, name);
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == roleName)
        {
            return;
        }

        if (current.Contains(ImageLabRoles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            throw new UserAdministrationException($"{user.UserName} is the last admin: make someone else admin first.");
        }

        Check(await users.RemoveFromRolesAsync(user, current), $"The roles of '{name}' cannot be changed");
        Check(await users.AddToRoleAsync(user, roleName), $"The roles of '{name}' cannot be changed");
        // Sessions of the user pick the new role up at their next check (the cookie's security stamp).
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.UserRoleChanged, $"user {user.UserName}", $"{string.Join(",", current)} -> {roleName}", cancellationToken);
    }

    /// <summary>Disables (or enables again) a user: a disabled user cannot sign in and its tokens are refused at once.</summary>
    public async Task SetDisabledAsync(string name, bool disabled, string actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>();
        var user = await FindAsync(users, name);
        if (disabled == user.DisabledAt.HasValue)
        {
            return;
        }

        if (disabled && await users.IsInRoleAsync(user, ImageLabRoles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            throw new UserAdministrationException($"{user.UserName} is the last admin: it cannot be disabled.");
        }

        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        Check(await users.UpdateAsync(user), $"'{name}' cannot be changed");
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, $"user {user.UserName}", null, cancellationToken);
    }

    public async Task<CreatedApiToken> CreateTokenAsync(string userName, string tokenName, string actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await FindAsync(scope.ServiceProvider.GetRequiredService<UserManager<ImageLabUser>>(), userName);
        var name = string.IsNullOrWhiteSpace(tokenName) ? $"token {clock.GetUtcNow():yyyy-MM-dd HH:mm}" : tokenName.Trim();
        if (name.Length > 100)
        {
            throw new UserAdministrationException("A token's name has at most 100 characters.");
        }

        var created = await tokens.CreateAsync(user.Id, name, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.TokenCreated, $"token {created.Id} of {user.UserName}", created.Name, cancellationToken);
        return created;
    }

    /// <summary>Revokes a token (only one of <paramref name="ownerId"/>, when given); false when there is no such token.</summary>
    public async Task<bool> RevokeTokenAsync(long id, string? ownerId, string actor, CancellationToken cancellationToken)
    {
        var revoked = await tokens.RevokeAsync(id, ownerId, cancellationToken);
        if (revoked is null)
        {
            return false;
        }

        await audit.RecordAsync(actor, AuditActions.TokenRevoked, $"token {revoked.Id} of {revoked.UserName}", revoked.Name, cancellationToken);
        return true;
    }

    // The user manager's store works on its scope's context, so that a caller's transaction on that context covers it.
    private async Task<ImageLabUser> AddUserAsync(UserManager<ImageLabUser> users, string name, string role, string? password)
    {
        var roleName = ImageLabRoles.Parse(role)
            ?? throw new UserAdministrationException($"'{role}' is not a role: use admin, member or viewer.");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new UserAdministrationException("Give the user a name.");
        }

        var user = new ImageLabUser { UserName = name.Trim(), CreatedAt = clock.GetUtcNow() };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password), $"The user '{user.UserName}' cannot be created");
        Check(await users.AddToRoleAsync(user, roleName), $"The user '{user.UserName}' cannot be given the role {roleName}");
        return user;
    }

    private static async Task<ImageLabUser> FindAsync(UserManager<ImageLabUser> users, string name) =>
        await users.FindByNameAsync(name.Trim()) ?? throw new UserAdministrationException($"There is no user '{name}'.");

    private static async Task<bool> IsLastActiveAdminAsync(UserManager<ImageLabUser> users, ImageLabUser user) =>
        !(await users.GetUsersInRoleAsync(ImageLabRoles.Admin)).Any(other => other.Id != user.Id && other.DisabledAt is null);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new UserAdministrationException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
