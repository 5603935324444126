using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// Where an image's bytes come from: every file each layer wrote, attributed to the package that owned its path at
/// that layer (by the package databases of that layer and those below, under its own name or one through a linked
/// folder such as merged /usr's <c>/bin</c>) and to a kind. Package bytes plus unowned bytes are the image's bytes
/// exactly (the layers' file-system bytes, overwritten copies included).
/// </summary>
public sealed class ImageAnatomy
{
    private ImageAnatomy(
        IReadOnlyList<AttributedFile> files,
        IReadOnlyList<PackageBytes> packages,
        IReadOnlyList<FolderBytes> unowned,
        IReadOnlyList<KindBytes> kinds,
        bool readDebugSections)
    {
        Files = files;
        Packages = packages;
        Unowned = unowned;
        Kinds = kinds;
        ReadDebugSections = readDebugSections;
        TotalBytes = files.Sum(file => file.Bytes);
    }

    public long TotalBytes { get; }

    /// <summary>Every file and symbolic link of every layer, base layer first.</summary>
    public IReadOnlyList<AttributedFile> Files { get; }

    /// <summary>Packages owning at least one file, largest first.</summary>
    public IReadOnlyList<PackageBytes> Packages { get; }

    /// <summary>Files no package owns, by top folder, largest first.</summary>
    public IReadOnlyList<FolderBytes> Unowned { get; }

    /// <summary>
    /// Bytes by kind, largest first; kinds with no file are left out. A file's ELF debug sections count as
    /// <see cref="ByteKind.DebugInfo"/>, the rest of it as its path's kind; a file with both counts in both.
    /// </summary>
    public IReadOnlyList<KindBytes> Kinds { get; }

    /// <summary>
    /// Whether every layer's ELF debug sections were read; false when a layer was analyzed before ImageLab read them,
    /// and its debug info counts by path only (<c>/usr/lib/debug</c>, <c>*.debug</c>).
    /// </summary>
    public bool ReadDebugSections { get; }

    public static ImageAnatomy Build(IReadOnlyList<AnatomyLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var state = new PackageDatabaseState();
        var aliases = new SymlinkAliases();
        var files = new List<AttributedFile>();
        var versions = new Dictionary<PackageKey, string>();
        for (var index = 0; index < layers.Count; index++)
        {
            state.Apply(layers[index]);
            aliases.Apply(layers[index].Entries);
            foreach (var package in state.Ownership.Packages)
            {
                versions[package.Key] = package.Version;
            }
            var debugSections = layers[index].DebugSectionBytes;
            foreach (var entry in layers[index].Entries)
            {
                if (entry.Kind is LayerEntryKind.File or LayerEntryKind.Symlink)
                {
                    var bytes = LayerEntry.SizeInImage(entry.Kind, entry.SizeBytes, entry.LinkTarget);
                    var debugBytes = entry.Kind == LayerEntryKind.File && debugSections is not null ? debugSections.GetValueOrDefault(entry.Path) : 0;
                    files.Add(new AttributedFile(
                        entry.Path,
                        index,
                        bytes,
                        ByteKinds.Classify(entry.Path),
                        aliases.OwnerOf(entry.Path, state.Ownership),
                        Math.Clamp(debugBytes, 0, bytes)));
                }
            }
        }

        var reasons = DpkgInstallReasons.Explain(state.DpkgPackages, state.AutoInstalled);
        return new ImageAnatomy(
            files, SumPackages(files, versions, reasons), SumUnowned(files), SumKinds(files), layers.All(layer => layer.DebugSectionBytes is not null));
    }

    /// <summary>The folder unowned bytes are grouped under: the first two levels ("/usr/local", "/app/node_modules"), or the first for a file directly in it.</summary>
    public static string TopFolder(string path)
    {
        var first = path.IndexOf('/', 1);
        if (first < 0)
        {
            return "/";
        }
        var second = path.IndexOf('/', first + 1);
        return second < 0 ? path[..first] : path[..second];
    }

    private static List<PackageBytes> SumPackages(
        List<AttributedFile> files, Dictionary<PackageKey, string> versions, IReadOnlyDictionary<string, InstallReason> reasons) =>
        [.. files.Where(file => file.Owner is not null)
            .GroupBy(file => file.Owner!.Value)
            .Select(group =>
            {
                var layers = ByLayer(group);
                return new PackageBytes(
                    group.Key,
                    versions.GetValueOrDefault(group.Key, ""),
                    group.Sum(file => file.Bytes),
                    group.Count(),
                    layers[0].LayerIndex,
                    layers,
                    group.Key.Manager == PackageManager.Dpkg ? reasons.GetValueOrDefault(group.Key.Name) : null);
            })
            .OrderByDescending(package => package.Bytes)
            .ThenBy(package => package.Key.ToString(), StringComparer.Ordinal)];

    private static List<FolderBytes> SumUnowned(List<AttributedFile> files) =>
        [.. files.Where(file => file.Owner is null)
            .GroupBy(file => TopFolder(file.Path), StringComparer.Ordinal)
            .Select(group => new FolderBytes(group.Key, group.Sum(file => file.Bytes), group.Count(), ByLayer(group)))
            .OrderByDescending(folder => folder.Bytes)
            .ThenBy(folder => folder.Folder, StringComparer.Ordinal)];

    private static List<KindBytes> SumKinds(List<AttributedFile> files)
    {
        var kinds = Enum.GetValues<ByteKind>();
        var bytes = new long[kinds.Length];
        var counts = new int[kinds.Length];
        foreach (var file in files)
        {
            Add(file, file.Kind);
            if (file.Kind != ByteKind.DebugInfo && file.IsOf(ByteKind.DebugInfo))
            {
                Add(file, ByteKind.DebugInfo);
            }
        }
        return [.. kinds.Where(kind => counts[(int)kind] > 0)
            .Select(kind => new KindBytes(kind, bytes[(int)kind], counts[(int)kind]))
            .OrderByDescending(kind => kind.Bytes)
            .ThenBy(kind => kind.Kind)];

        void Add(AttributedFile file, ByteKind kind)
        {
            bytes[(int)kind] += file.BytesOf(kind);
            counts[(int)kind]++;
        }
    }

    private static List<LayerBytes> ByLayer(IEnumerable<AttributedFile> files) =>
        [.. files.GroupBy(file => file.LayerIndex)
            .Select(group => new LayerBytes(group.Key, group.Sum(file => file.Bytes), group.Count()))
            .OrderBy(layer => layer.LayerIndex)];
}
