namespace ImageLab.Core.Anatomy;

/// <summary>
/// A Python distribution's <c>NAME-VERSION.dist-info/RECORD</c>: CSV rows of path, hash and size, the paths relative
/// to the folder that holds the dist-info (site-packages), possibly climbing out of it (<c>../../../bin/tool</c>).
/// </summary>
public static class PythonRecord
{
    public static bool IsRecord(string path) =>
        path.EndsWith(".dist-info/RECORD", StringComparison.Ordinal) && path.Count(c => c == '/') >= 2;

    /// <param name="recordPath">Absolute path of the RECORD file.</param>
    /// <param name="text">Its content.</param>
    public static InstalledPackage Parse(string recordPath, string text)
    {
        var distInfo = recordPath[..recordPath.LastIndexOf('/')];
        var sitePackages = distInfo[..distInfo.LastIndexOf('/')];
        var (name, version) = NameAndVersion(distInfo[(sitePackages.Length + 1)..^".dist-info".Length]);

        var files = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var relative = FirstCsvField(line);
            if (relative.Length == 0)
            {
                continue;
            }
            var absolute = AnatomyPath.Resolve(sitePackages, relative);
            if (absolute is not null)
            {
                files.Add(absolute);
            }
        }
        return new InstalledPackage(new PackageKey(PackageManager.Python, name, sitePackages), version, files);
    }

    private static (string Name, string Version) NameAndVersion(string folderName)
    {
        var dash = folderName.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (folderName, "") : (folderName[..dash], folderName[(dash + 1)..]);
    }

    private static string FirstCsvField(string line)
    {
        if (!line.StartsWith('"'))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return comma < 0 ? line : line[..comma];
        }
        var field = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                    continue;
                }
                break;
            }
            field.Append(line[i]);
        }
        return field.ToString();
    }
}
