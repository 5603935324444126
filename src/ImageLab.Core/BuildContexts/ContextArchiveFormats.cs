namespace ImageLab.Core.BuildContexts;

/// <summary>The one list of archive formats a build context can be uploaded as, told apart by file name.</summary>
public static class ContextArchiveFormats
{
    /// <summary>The extensions, longest first so that <c>.tar.gz</c> wins over <c>.tar</c>-like endings.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".tar.gz", ".tgz", ".tar", ".zip"];

    /// <summary>".tar, .tar.gz, .tgz or .zip", for sentences.</summary>
    public static string Described { get; } = ".tar, .tar.gz, .tgz or .zip";

    /// <summary>The extension <paramref name="fileName"/> ends with (any case), or null when it is not a context archive.</summary>
    public static string? ExtensionOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsArchive(string fileName) => ExtensionOf(fileName) is not null;
}
