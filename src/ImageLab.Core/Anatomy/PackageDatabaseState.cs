using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// The package databases as the image holds them after each layer: a later layer's copy replaces an earlier one, a
/// whiteout removes it. <see cref="Ownership"/> is rebuilt only after a layer that changed a database.
/// </summary>
internal sealed class PackageDatabaseState
{
    private readonly SortedDictionary<string, string> databases = new(StringComparer.Ordinal);

    // Each dpkg file list parsed once: a layer that installs one package rewrites only its own list (and the status).
    private readonly Dictionary<string, (string Text, IReadOnlyList<string> Files)> parsedLists = new(StringComparer.Ordinal);

    public PackageOwnership Ownership { get; private set; } = PackageOwnership.Empty;

    public IReadOnlyList<DpkgPackage> DpkgPackages { get; private set; } = [];

    public IReadOnlySet<string> AutoInstalled { get; private set; } = new HashSet<string>();

    public void Apply(AnatomyLayer layer)
    {
        var changed = RemoveDeleted(layer.Entries);
        foreach (var (path, content) in layer.DatabaseFiles)
        {
            databases[path] = content;
            changed = true;
        }
        if (changed)
        {
            Rebuild();
        }
    }

    private bool RemoveDeleted(IReadOnlyList<LayerEntry> entries)
    {
        var removed = false;
        foreach (var entry in entries)
        {
            if (entry.Kind is not (LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory))
            {
                continue;
            }
            var folder = entry.Path.TrimEnd('/') + "/";
            var deleted = databases.Keys
                .Where(path => path.StartsWith(folder, StringComparison.Ordinal) || (entry.Kind == LayerEntryKind.Whiteout && path == entry.Path))
                .ToList();
            foreach (var path in deleted)
            {
                databases.Remove(path);
                removed = true;
            }
        }
        return removed;
    }

    private IReadOnlyList<string> ParsedList(string path, string content)
    {
        if (!parsedLists.TryGetValue(path, out var parsed) || !ReferenceEquals(parsed.Text, content))
        {
            parsedLists[path] = parsed = (content, DpkgFileList.Parse(content));
        }
        return parsed.Files;
    }

    private void Rebuild()
    {
        DpkgPackages = databases.TryGetValue(DpkgStatus.Path, out var status) ? DpkgStatus.Parse(status) : [];
        AutoInstalled = databases.TryGetValue(AptExtendedStates.Path, out var states)
            ? AptExtendedStates.AutoInstalled(states)
            : new HashSet<string>();

        var fileLists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (path, content) in databases)
        {
            if (DpkgFileList.PackageOf(path) is { } name)
            {
                fileLists[name] = [.. fileLists.GetValueOrDefault(name, []), .. ParsedList(path, content)];
            }
        }

        var packages = new List<InstalledPackage>();
        packages.AddRange(DpkgPackages.Select(package => new InstalledPackage(
            new PackageKey(PackageManager.Dpkg, package.Name), package.Version, fileLists.GetValueOrDefault(package.Name, []))));
        if (databases.TryGetValue(ApkInstalled.Path, out var apk))
        {
            packages.AddRange(ApkInstalled.Parse(apk));
        }
        foreach (var (path, content) in databases)
        {
            if (PythonRecord.IsRecord(path))
            {
                packages.Add(PythonRecord.Parse(path, content));
            }
            else if (NpmPackageJson.IsPackageJson(path) && NpmPackageJson.Parse(path, content) is { } npm)
            {
                packages.Add(npm);
            }
        }
        Ownership = new PackageOwnership(packages);
    }
}
