namespace ImageLab.Data.Security;

/// <summary>A token just created: <see cref="Token"/> is shown to its owner this once and is not kept anywhere.</summary>
public sealed record CreatedApiToken(long Id, string Name, string Token, DateTimeOffset CreatedAt);
