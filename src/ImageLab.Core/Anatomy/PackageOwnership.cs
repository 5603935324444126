namespace ImageLab.Core.Anatomy;

/// <summary>
/// Who owns which path, as the package databases present at one layer say: explicit file lists first (dpkg, apk,
/// Python RECORD; the first database to claim a path keeps it), then npm package folders, the deepest folder winning
/// so nested packages own their own files.
/// </summary>
public sealed class PackageOwnership
{
    public static readonly PackageOwnership Empty = new([]);

    private readonly Dictionary<string, PackageKey> ownerByPath = new(StringComparer.Ordinal);
    private readonly List<(string Folder, PackageKey Key)> ownerByFolder = [];

    public PackageOwnership(IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Packages = packages;
        var folders = ListedFolders(packages);
        foreach (var package in packages)
        {
            foreach (var file in package.Files)
            {
                if (!folders.Contains(file))
                {
                    ownerByPath.TryAdd(file, package.Key);
                }
            }
            if (package.Folder is not null)
            {
                ownerByFolder.Add((package.Folder, package.Key));
            }
        }
        ownerByFolder.Sort((a, b) => b.Folder.Length.CompareTo(a.Folder.Length));
    }

    public IReadOnlyList<InstalledPackage> Packages { get; }

    /// <summary>
    /// Listed paths with listed paths below them: folders a package unpacked into (dpkg lists those too). Where the image
    /// has a symbolic link instead, as merged /usr's <c>/lib64</c>, the link is not the package's.
    /// </summary>
    private static HashSet<string> ListedFolders(IReadOnlyList<InstalledPackage> packages)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var lookup = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var package in packages)
        {
            foreach (var file in package.Files)
            {
                var slash = file.LastIndexOf('/');
                if (slash > 0)
                {
                    lookup.Add(file.AsSpan(0, slash));
                }
            }
        }
        return folders;
    }

    public PackageKey? OwnerOf(string path)
    {
        if (ownerByPath.TryGetValue(path, out var owner))
        {
            return owner;
        }
        foreach (var (folder, key) in ownerByFolder)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal))
            {
                return key;
            }
        }
        return null;
    }
}
