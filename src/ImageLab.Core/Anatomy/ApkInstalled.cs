namespace ImageLab.Core.Anatomy;

/// <summary>
/// Parses Alpine's <c>/lib/apk/db/installed</c>: one paragraph per package, <c>P:</c> name, <c>V:</c> version,
/// <c>F:</c> a folder (relative to /) and the <c>R:</c> files in it that follow.
/// </summary>
public static class ApkInstalled
{
    public const string Path = "/lib/apk/db/installed";

    public static IReadOnlyList<InstalledPackage> Parse(string text)
    {
        var packages = new List<InstalledPackage>();
        string? name = null;
        var version = "";
        var folder = "";
        var files = new List<string>();

        void Flush()
        {
            if (name is not null)
            {
                packages.Add(new InstalledPackage(new PackageKey(PackageManager.Apk, name), version, files));
            }
            name = null;
            version = "";
            folder = "";
            files = [];
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'P':
                    name = value;
                    break;
                case 'V':
                    version = value;
                    break;
                case 'F':
                    folder = value.Trim('/');
                    break;
                case 'R':
                    files.Add(folder.Length == 0 ? "/" + value : $"/{folder}/{value}");
                    break;
            }
        }
        Flush();
        return packages;
    }
}
