namespace ImageLab.Core.Security;

/// <summary>The three roles, seeded by the migrations: admin (everything), member (builds), viewer (reads).</summary>
public static class ImageLabRoles
{
    public const string Admin = "admin";

    public const string Member = "member";

    public const string Viewer = "viewer";

    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Member, Viewer];

    /// <summary>Roles that may submit and cancel experiments.</summary>
    public const string Builders = Admin + "," + Member;

    /// <summary>The role of the given name, normalized, or null when it is not one of the three.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
