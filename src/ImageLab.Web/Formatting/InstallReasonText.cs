using ImageLab.Core.Contracts;

namespace ImageLab.Web.Formatting;

/// <summary>Why apt put a Debian package in the image, in words: "requested", "dependency of curl", "only recommended by python3".</summary>
public static class InstallReasonText
{
    private const int MaxNames = 3;

    /// <summary>The sentence; null for a package apt did not install (no reason recorded).</summary>
    public static string? Describe(InstallReasonResponse? reason) => reason?.Kind switch
    {
        null => null,
        "requested" => "requested",
        "dependency" => "dependency of " + Names(reason.Via),
        "recommendsOnly" => "only recommended by " + Names(reason.Via),
        var other => other,
    };

    /// <summary>True when <c>--no-install-recommends</c> would have left the package out.</summary>
    public static bool IsRecommendsOnly(InstallReasonResponse? reason) => reason?.Kind == "recommendsOnly";

    private static string Names(IReadOnlyList<string> via) => via.Count switch
    {
        0 => "another package",
        <= MaxNames => string.Join(", ", via),
        _ => $"{string.Join(", ", via.Take(MaxNames))} and {via.Count - MaxNames} more",
    };
}
