namespace ImageLab.Core.Layers;

/// <summary>
/// What one layer tar holds, independent of the image it belongs to: the unit the
/// <see cref="ILayerAnalysisCache"/> stores under <see cref="DiffId"/>. Everything that depends on the layers below
/// (added versus modified, waste) lives in <see cref="LayerSummary"/>.
/// </summary>
public sealed class LayerAnalysis
{
    public LayerAnalysis(
        string diffId,
        long uncompressedSizeBytes,
        long compressedSizeBytes,
        CompressedSizeSource compressedSizeSource,
        LayerBlobCompression blobCompression,
        IReadOnlyList<LayerEntry> entries,
        IReadOnlyList<string>? warnings = null,
        IReadOnlyDictionary<string, string>? packageDatabases = null,
        IReadOnlyDictionary<string, long>? debugSectionBytes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(diffId);
        ArgumentNullException.ThrowIfNull(entries);
        DiffId = diffId;
        UncompressedSizeBytes = uncompressedSizeBytes;
        CompressedSizeBytes = compressedSizeBytes;
        CompressedSizeSource = compressedSizeSource;
        BlobCompression = blobCompression;
        Entries = entries;
        Warnings = warnings ?? [];
        PackageDatabases = packageDatabases;
        DebugSectionBytes = debugSectionBytes;

        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case LayerEntryKind.File:
                    FileCount++;
                    ContentBytes += entry.SizeBytes;
                    FileSystemBytes += entry.SizeBytes;
                    break;
                case LayerEntryKind.Directory:
                    DirectoryCount++;
                    break;
                case LayerEntryKind.Symlink:
                    SymlinkCount++;
                    // From the target, not SizeBytes: layers cached before symlinks had a size have 0 there.
                    FileSystemBytes += LayerEntry.SizeInImage(entry.Kind, 0, entry.LinkTarget);
                    break;
                case LayerEntryKind.HardLink:
                    HardLinkCount++;
                    break;
                case LayerEntryKind.Other:
                    OtherCount++;
                    break;
                case LayerEntryKind.Whiteout:
                case LayerEntryKind.OpaqueDirectory:
                    WhiteoutCount++;
                    break;
            }
        }
    }

    /// <summary>"sha256:…" of the uncompressed layer tar, as in the config's <c>rootfs.diff_ids</c>.</summary>
    public string DiffId { get; }

    /// <summary>Bytes of the uncompressed layer tar (headers and padding included).</summary>
    public long UncompressedSizeBytes { get; }

    /// <summary>Bytes a registry stores for this layer (gzip); see <see cref="CompressedSizeSource"/>.</summary>
    public long CompressedSizeBytes { get; }

    public CompressedSizeSource CompressedSizeSource { get; }

    public LayerBlobCompression BlobCompression { get; }

    /// <summary>Every entry of the tar in archive order, paths normalised and interned.</summary>
    public IReadOnlyList<LayerEntry> Entries { get; }

    /// <summary>
    /// The text of the package databases this layer wrote (dpkg, apt, apk, Python RECORD, npm package.json), by
    /// absolute path: what the image's anatomy needs from the layer besides its entries. Null when the layer was
    /// analyzed (and cached) before ImageLab read package databases.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PackageDatabases { get; }

    /// <summary>
    /// The bytes of each regular file's ELF debug sections (<c>.debug*</c>, <c>.zdebug*</c>), by absolute path; files
    /// without any are left out. Null when the layer was analyzed (and cached) before ImageLab read ELF sections.
    /// </summary>
    public IReadOnlyDictionary<string, long>? DebugSectionBytes { get; }

    /// <summary>Entries that were skipped or normalised, one sentence each (e.g. a "../" name).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Regular files (hard links, symlinks and directories are counted separately).</summary>
    public int FileCount { get; }

    /// <summary>Sum of the regular files' sizes: what <c>docker history</c> reports as the layer's size, roughly.</summary>
    public long ContentBytes { get; }

    /// <summary>
    /// ImageLab's size of the layer, the same on every engine: what a graph driver such as overlay2 counts for it
    /// (and <c>docker history</c> shows there), the bytes of its regular files, each hard-linked file once, plus the
    /// length of each symbolic link's target. Directories, whiteouts and device nodes count nothing.
    /// </summary>
    public long FileSystemBytes { get; }

    public int DirectoryCount { get; }

    public int SymlinkCount { get; }

    public int HardLinkCount { get; }

    public int OtherCount { get; }

    /// <summary>Whiteout and opaque-directory markers.</summary>
    public int WhiteoutCount { get; }
}
