using System.ComponentModel.DataAnnotations;

namespace ImageLab.Worker.Hosting;

/// <summary>
/// The <c>Suggestions:Check*</c> settings: how the worker bounds a suggestion's check command, run in a container of the
/// source and of the suggested image (never with network). The section's other keys belong to the web's suggestion options.
/// </summary>
public sealed class SuggestionCheckOptions
{
    public const string SectionName = "Suggestions";

    /// <summary>How long one check run may take before its container is killed and the check fails.</summary>
    [Range(1, 3600, ErrorMessage = "Suggestions:CheckTimeoutSeconds must be between 1 and 3600.")]
    public int CheckTimeoutSeconds { get; set; } = 60;

    /// <summary>The memory limit of a check's container, in MB (no swap beyond it).</summary>
    [Range(6, 64 * 1024, ErrorMessage = "Suggestions:CheckMemoryMb must be between 6 and 65536.")]
    public int CheckMemoryMb { get; set; } = 256;

    /// <summary>Output bytes read from a check's container; the rest is not read (what is stored is cut further).</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Suggestions:CheckMaxOutputBytes must be between 1024 and 16777216.")]
    public int CheckMaxOutputBytes { get; set; } = 64 * 1024;
}
