using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Security;

/// <summary>
/// API tokens: created for a user (the text is returned once, only its SHA-256 hash is stored), checked on every
/// request against the database (no cache, so a revocation holds from the next request on), listed and revoked.
/// </summary>
public sealed class ApiTokenStore(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock)
{
    /// <summary>Last-used times are written at most this often per token, so that a busy CI does not write on every call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = ApiTokenText.NewToken();
        var token = new ApiToken { UserId = userId, Name = name.Trim(), TokenHash = ApiTokenText.Hash(text), CreatedAt = clock.GetUtcNow() };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token.Id, token.Name, text, token.CreatedAt);
    }

    /// <summary>The caller a token speaks for, or null when it is unknown, revoked or its user is disabled. Records the last use.</summary>
    public async Task<TokenCaller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = ApiTokenText.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.User!.DisabledAt == null)
            .Select(t => new { t.Id, t.UserId, t.User!.UserName, t.LastUsedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == found.UserId
                           select role.Name!).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt >= LastUsedResolution)
        {
            var before = now - LastUsedResolution;
            await db.ApiTokens
                .Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt <= before))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return new TokenCaller(found.Id, found.UserId, found.UserName ?? "", roles);
    }

    /// <summary>Whether a token still speaks for its user: not revoked, and the user not disabled.</summary>
    public async Task<bool> IsActiveAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AnyAsync(t => t.Id == id && t.RevokedAt == null && t.User!.DisabledAt == null, cancellationToken);
    }

    /// <summary>Every token of a user, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenInfo(t.Id, t.User!.UserName ?? "", t.Name, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Revokes a token (of <paramref name="ownerId"/> only, when given). Returns the token as it is now, or null when
    /// there is no such token (of that owner).
    /// </summary>
    public async Task<ApiTokenInfo?> RevokeAsync(long id, string? ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.Id == id && (ownerId == null || t.UserId == ownerId), cancellationToken);
        if (token is null)
        {
            return null;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new ApiTokenInfo(token.Id, token.User?.UserName ?? "", token.Name, token.CreatedAt, token.LastUsedAt, token.RevokedAt);
    }
}
