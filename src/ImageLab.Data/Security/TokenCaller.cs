namespace ImageLab.Data.Security;

/// <summary>Whom a valid token speaks for.</summary>
public sealed record TokenCaller(long TokenId, string UserId, string UserName, IReadOnlyList<string> Roles);
