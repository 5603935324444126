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
    private readonly HashSet<string> folders;
    private readonly List<(string Folder, PackageKey Key)> ownerByFolder;

    public PackageOwnership(IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        Packages = packages;
        folders = ListedFolders(packages);
        foreach (var package in packages)
        {
            foreach (var file in package.Files)
            {
                if (!folders.Contains(file))
                {
                    ownerByPath.TryAdd(file, package.Key);
                }
            }
        }
        ownerByFolder = FolderOwners(packages);
    }

    private PackageOwnership(
        IReadOnlyList<InstalledPackage> packages, Dictionary<string, PackageKey> ownerByPath, HashSet<string> folders)
    {
        Packages = packages;
        this.ownerByPath = ownerByPath;
        this.folders = folders;
        ownerByFolder = FolderOwners(packages);
    }

    /// <summary>
    /// The ownership of <paramref name="packages"/>, the same as <c>new PackageOwnership(packages)</c>, computed from
    /// <paramref name="previous"/> by adding only the new packages' files when every earlier package is still there
    /// unchanged (the same instance, in the same order among themselves): what a layer that installs packages does. A
    /// path claimed twice goes, as in the full build, to the package first in <paramref name="packages"/>. Anything
    /// else (a package removed or rewritten) builds it anew.
    /// </summary>
    public static PackageOwnership Update(PackageOwnership previous, IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(packages);
        if (previous.Packages.Count == 0 || !KeepsInOrder(previous.Packages, packages))
        {
            return new PackageOwnership(packages);
        }

        var before = new HashSet<InstalledPackage>(previous.Packages, ReferenceEqualityComparer.Instance);
        var added = packages.Where(package => !before.Contains(package)).ToList();
        var position = new Dictionary<PackageKey, int>();
        for (var i = packages.Count - 1; i >= 0; i--)
        {
            position[packages[i].Key] = i;
        }
        var folders = new HashSet<string>(previous.folders, StringComparer.Ordinal);
        var ownerByPath = new Dictionary<string, PackageKey>(previous.ownerByPath, StringComparer.Ordinal);
        foreach (var folder in ListedFolders(added))
        {
            // A path an earlier package listed as a file is a folder now: no one owns it as a file any more.
            if (folders.Add(folder))
            {
                ownerByPath.Remove(folder);
            }
        }
        foreach (var package in added)
        {
            foreach (var file in package.Files)
            {
                if (!folders.Contains(file) && !ownerByPath.TryAdd(file, package.Key) && position[package.Key] < position[ownerByPath[file]])
                {
                    ownerByPath[file] = package.Key;
                }
            }
        }
        return new PackageOwnership(packages, ownerByPath, folders);
    }

    // Whether every one of the earlier packages is among the new ones, the same instance, in the same order.
    private static bool KeepsInOrder(IReadOnlyList<InstalledPackage> earlier, IReadOnlyList<InstalledPackage> packages)
    {
        var next = 0;
        foreach (var package in packages)
        {
            if (next < earlier.Count && ReferenceEquals(package, earlier[next]))
            {
                next++;
            }
        }
        return next == earlier.Count;
    }

    private static List<(string Folder, PackageKey Key)> FolderOwners(IReadOnlyList<InstalledPackage> packages)
    {
        var owners = packages.Where(package => package.Folder is not null).Select(package => (package.Folder!, package.Key)).ToList();
        owners.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return owners;
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
