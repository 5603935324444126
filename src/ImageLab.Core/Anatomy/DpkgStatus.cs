namespace ImageLab.Core.Anatomy;

/// <summary>
/// Parses <c>/var/lib/dpkg/status</c>: the packages whose status is "installed" (half-installed, config-files and
/// not-installed entries own no files worth counting). <c>Pre-Depends</c> count as dependencies.
/// </summary>
public static class DpkgStatus
{
    public const string Path = "/var/lib/dpkg/status";

    public static IReadOnlyList<DpkgPackage> Parse(string text)
    {
        var packages = new List<DpkgPackage>();
        foreach (var fields in ControlParagraphs.Read(text))
        {
            if (!fields.TryGetValue("Package", out var name) || !IsInstalled(fields))
            {
                continue;
            }
            packages.Add(new DpkgPackage(
                name,
                fields.GetValueOrDefault("Version", ""),
                fields.GetValueOrDefault("Architecture", ""),
                long.TryParse(fields.GetValueOrDefault("Installed-Size"), out var kib) ? kib : 0,
                [.. Relations(fields.GetValueOrDefault("Pre-Depends")), .. Relations(fields.GetValueOrDefault("Depends"))],
                Relations(fields.GetValueOrDefault("Recommends")),
                [.. Relations(fields.GetValueOrDefault("Provides")).Select(alternatives => alternatives[0])]));
        }
        return packages;
    }

    /// <summary>"libc6 (>= 2.36), debconf | debconf-2.0, python3:any" → [[libc6], [debconf, debconf-2.0], [python3]].</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Relations(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return [];
        }
        return [.. field.Split(',')
            .Select(relation => (IReadOnlyList<string>)[.. relation.Split('|').Select(PackageName).Where(name => name.Length > 0)])
            .Where(alternatives => alternatives.Count > 0)];
    }

    private static string PackageName(string alternative)
    {
        var name = alternative.Trim();
        var end = name.IndexOfAny([' ', '(', '[', '<', ':', '\n']);
        return end < 0 ? name : name[..end];
    }

    private static bool IsInstalled(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("Status", out var status) && status.EndsWith(" installed", StringComparison.Ordinal);
}
