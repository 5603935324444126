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
        foreach (var package in packages)
        {
            foreach (var file in package.Files)
            {
                ownerByPath.TryAdd(file, package.Key);
            }
            if (package.Folder is not null)
            {
                ownerByFolder.Add((package.Folder, package.Key));
            }
        }
        ownerByFolder.Sort((a, b) => b.Folder.Length.CompareTo(a.Folder.Length));
    }

    public IReadOnlyList<InstalledPackage> Packages { get; }

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
