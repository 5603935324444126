namespace ImageLab.Core.Anatomy;

/// <summary>Resolves a path a package database or a symbolic link names, relative or absolute, against its folder.</summary>
internal static class AnatomyPath
{
    /// <summary>
    /// <paramref name="path"/> as an absolute normalised path ("../../../bin/tool" from "/usr/lib/python3/site-packages"
    /// → "/usr/bin/tool"; an absolute path stays put), or null when it climbs above the root.
    /// </summary>
    public static string? Resolve(string folder, string path)
    {
        var parts = path.StartsWith('/') ? [] : folder.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return "/" + string.Join('/', parts);
    }
}
