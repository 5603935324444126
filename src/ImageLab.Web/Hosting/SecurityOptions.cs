using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ImageLab.Data.Entities;

namespace ImageLab.Web.Hosting;

/// <summary>The <c>Security</c> section: limits the web front applies to every caller.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Experiments one user (one address before sign-in) may submit per minute through the API.</summary>
    [Range(1, 100_000, ErrorMessage = "Security:SubmissionsPerMinute must be between 1 and 100000.")]
    public int SubmissionsPerMinute { get; set; } = 30;

    /// <summary>Roles whose experiments may ask for network in RUN steps, comma-separated (default <c>admin,member</c>).</summary>
    [RegularExpression(@"^\s*(admin|member|viewer)?\s*(,\s*(admin|member|viewer)\s*)*$",
        ErrorMessage = "Security:NetworkRoles must list roles among admin, member and viewer, separated by commas (e.g. 'admin,member').")]
    public string NetworkRoles { get; set; } = ImageLabRoles.Admin + "," + ImageLabRoles.Member;

    public IReadOnlyList<string> NetworkRoleList =>
        NetworkRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool MayUseNetwork(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return NetworkRoleList.Any(user.IsInRole);
    }
}
