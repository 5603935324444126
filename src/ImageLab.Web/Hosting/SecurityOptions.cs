using System.ComponentModel.DataAnnotations;

namespace ImageLab.Web.Hosting;

/// <summary>The <c>Security</c> section: limits the web front applies to every caller.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Experiments one user (one address before sign-in) may submit per minute through the API.</summary>
    [Range(1, 100_000, ErrorMessage = "Security:SubmissionsPerMinute must be between 1 and 100000.")]
    public int SubmissionsPerMinute { get; set; } = 30;
}
