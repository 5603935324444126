namespace ImageLab.Data.Entities;

/// <summary>
/// A bearer token of one user, for CI and the command-line tool. Only the SHA-256 hash of the token is stored;
/// the token itself is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public ImageLabUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the token's UTF-8 text (32 bytes).</summary>
    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last time the token authenticated a request (recorded at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the token was revoked; a revoked token is refused from that moment on.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
