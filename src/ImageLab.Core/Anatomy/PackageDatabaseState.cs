using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// The package databases as the image holds them after each layer: a later layer's copy replaces an earlier one, a
/// whiteout removes it. <see cref="Ownership"/> changes only after a layer that changed a database, and then
/// incrementally (<see cref="PackageOwnership.Update"/>): each database file is parsed once while its text is the same,
/// and a package whose description did not change stays the same instance, so a layer that installs packages adds only
/// theirs.
/// </summary>
internal sealed class PackageDatabaseState
{
    private readonly SortedDictionary<string, string> databases = new(StringComparer.Ordinal);

    // Each dpkg file list parsed once: a layer that installs one package rewrites only its own list (and the status).
    private readonly Dictionary<string, (string Text, IReadOnlyList<string> Files)> parsedLists = new(StringComparer.Ordinal);

    // Each database file's packages, parsed once while its text is the same (the same string instance).
    private readonly Dictionary<string, (string Text, object Parsed)> parsedFiles = new(StringComparer.Ordinal);

    // Each dpkg package as last described, kept while its version and file lists are the same instances.
    private readonly Dictionary<string, (string Version, IReadOnlyList<IReadOnlyList<string>> Lists, InstalledPackage Package)> dpkgPackages =
        new(StringComparer.Ordinal);

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

    private T Parsed<T>(string path, string content, Func<string, T> parse)
        where T : class
    {
        if (!parsedFiles.TryGetValue(path, out var parsed) || !ReferenceEquals(parsed.Text, content))
        {
            parsedFiles[path] = parsed = (content, parse(content));
        }
        return (T)parsed.Parsed;
    }

    private void Rebuild()
    {
        DpkgPackages = databases.TryGetValue(DpkgStatus.Path, out var status) ? Parsed(DpkgStatus.Path, status, DpkgStatus.Parse) : [];
        AutoInstalled = databases.TryGetValue(AptExtendedStates.Path, out var states)
            ? Parsed(AptExtendedStates.Path, states, AptExtendedStates.AutoInstalled)
            : new HashSet<string>();

        var fileLists = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (path, content) in databases)
        {
            if (DpkgFileList.PackageOf(path) is { } name)
            {
                if (!fileLists.TryGetValue(name, out var lists))
                {
                    fileLists[name] = lists = [];
                }
                lists.Add(ParsedList(path, content));
            }
        }

        var packages = new List<InstalledPackage>();
        packages.AddRange(DpkgPackages.Select(package => Dpkg(package, fileLists.GetValueOrDefault(package.Name) ?? [])));
        if (databases.TryGetValue(ApkInstalled.Path, out var apk))
        {
            packages.AddRange(Parsed(ApkInstalled.Path, apk, ApkInstalled.Parse));
        }
        foreach (var (path, content) in databases)
        {
            if (PythonRecord.IsRecord(path))
            {
                packages.Add(Parsed(path, content, text => PythonRecord.Parse(path, text)));
            }
            else if (NpmPackageJson.IsPackageJson(path) && Parsed(path, content, text => new[] { NpmPackageJson.Parse(path, text) })[0] is { } npm)
            {
                packages.Add(npm);
            }
        }
        Ownership = PackageOwnership.Update(Ownership, packages);
    }

    private InstalledPackage Dpkg(DpkgPackage package, List<IReadOnlyList<string>> lists)
    {
        if (dpkgPackages.TryGetValue(package.Name, out var known) && known.Version == package.Version
            && known.Lists.Count == lists.Count && known.Lists.Zip(lists).All(pair => ReferenceEquals(pair.First, pair.Second)))
        {
            return known.Package;
        }

        var installed = new InstalledPackage(
            new PackageKey(PackageManager.Dpkg, package.Name), package.Version, lists.Count == 1 ? lists[0] : [.. lists.SelectMany(list => list)]);
        dpkgPackages[package.Name] = (package.Version, lists, installed);
        return installed;
    }
}
