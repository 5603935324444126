using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ImageLab.Core.Security;

namespace ImageLab.Web.Hosting;

/// <summary>The <c>Security</c> section: limits the web front applies to every caller.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Experiments one user (one address before sign-in) may submit per minute through the API.</summary>
    [Range(1, 100_000, ErrorMessage = "Security:SubmissionsPerMinute must be between 1 and 100000.")]
    public int SubmissionsPerMinute { get; set; } = 30;

    /// <summary>Iterations of one user's experiments that may wait in the queue or build at once; a submission past it is refused.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Security:MaxWaitingIterationsPerUser must be between 1 and 1000000.")]
    public int MaxWaitingIterationsPerUser { get; set; } = 100;

    /// <summary>Iterations of one project's experiments that may wait in the queue or build at once.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Security:MaxWaitingIterationsPerProject must be between 1 and 1000000.")]
    public int MaxWaitingIterationsPerProject { get; set; } = 300;

    /// <summary>Wrong passwords one client address may give within 15 minutes before its sign-ins are refused for a while.</summary>
    [Range(1, 100_000, ErrorMessage = "Security:SignInFailuresPerAddress must be between 1 and 100000.")]
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>
    /// The one-time token <c>/setup</c> asks for while the database has no user. Empty (the default): each web process
    /// makes a random one and prints the setup address with it at start. Set the same value on every web process to
    /// accept it on any of them.
    /// </summary>
    [RegularExpression(@"^(\S{16,200})?$", ErrorMessage = "Security:SetupToken must be empty or 16 to 200 characters without spaces.")]
    public string SetupToken { get; set; } = "";

    /// <summary>Wrong passwords for one account, from any address, before the account is locked for 5 minutes.</summary>
    [Range(1, 100_000, ErrorMessage = "Security:SignInFailuresPerAccount must be between 1 and 100000.")]
    public int SignInFailuresPerAccount { get; set; } = 10;

    /// <summary>Roles whose experiments may ask for network in RUN steps, comma-separated (default <c>admin,member</c>).</summary>
    [RegularExpression(@"^\s*(admin|member|viewer)?\s*(,\s*(admin|member|viewer)\s*)*$",
        ErrorMessage = "Security:NetworkRoles must list roles among admin, member and viewer, separated by commas (e.g. 'admin,member').")]
    public string NetworkRoles { get; set; } = ImageLabRoles.Admin + "," + ImageLabRoles.Member;

    public IReadOnlyList<string> NetworkRoleList =>
        NetworkRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Images that FROM, COPY --from and RUN --mount=from= may name, as comma-separated patterns where <c>*</c> matches any
    /// text (e.g. <c>busybox:*,python:3.12-*,registry.internal/*</c>). Empty (the default): any image the engine holds.
    /// </summary>
    public string AllowedBaseImages { get; set; } = "";

    public IReadOnlyList<string> AllowedBaseImageList =>
        AllowedBaseImages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether <see cref="AllowedBaseImages"/> lets a build use <paramref name="image"/>.</summary>
    public bool AllowsBaseImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var patterns = AllowedBaseImageList;
        return patterns.Count == 0 || patterns.Any(p => Matches(p, image));
    }

    public bool MayUseNetwork(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return NetworkRoleList.Any(user.IsInRole);
    }

    // '*' matches any text; linear, without regular expressions (a pattern is an administrator's, an image a member's).
    private static bool Matches(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (!text.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return parts.Length == 1 ? text.Length == at : text.Length - at >= parts[^1].Length && text.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
