namespace ImageLab.Data.Security;

/// <summary>What may be shown about a token after it was created (never the token itself).</summary>
public sealed record ApiTokenInfo(long Id, string UserName, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
