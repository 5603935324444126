namespace ImageLab.Web.Authentication;

/// <summary>A user as the admin page lists it.</summary>
public sealed record UserInfo(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, bool HasPassword, int ActiveTokens);
