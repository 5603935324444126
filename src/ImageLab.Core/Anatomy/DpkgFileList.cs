namespace ImageLab.Core.Anatomy;

/// <summary>
/// dpkg's per-package file lists, <c>/var/lib/dpkg/info/NAME.list</c> or <c>NAME:ARCH.list</c> (multi-arch
/// packages): one absolute path per line, directories included.
/// </summary>
public static class DpkgFileList
{
    public const string Folder = "/var/lib/dpkg/info/";

    /// <summary>The package a list file belongs to, or null when the path is not a dpkg file list.</summary>
    public static string? PackageOf(string path)
    {
        if (!path.StartsWith(Folder, StringComparison.Ordinal) || !path.EndsWith(".list", StringComparison.Ordinal))
        {
            return null;
        }
        var fileName = path[Folder.Length..^".list".Length];
        if (fileName.Length == 0 || fileName.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }
        var colon = fileName.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? fileName : fileName[..colon];
    }

    public static IReadOnlyList<string> Parse(string text) =>
        [.. text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith('/') && line != "/.")];
}
