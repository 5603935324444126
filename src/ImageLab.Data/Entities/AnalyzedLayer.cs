using ImageLab.Core.Layers;

namespace ImageLab.Data.Entities;

/// <summary>
/// The analysis of one layer tar, keyed by its DiffID and shared by every image that has the layer (the
/// layer-analysis cache). Holds only what the tar itself determines; what depends on the layers below
/// (added or modified, waste) is per iteration in <see cref="IterationAnalysisLayer"/>. <see cref="Entries"/> is
/// every tar entry in a gzip'd compact form (see <c>LayerEntryCodec</c>) so the tree can be rebuilt and paged
/// without the image.
/// </summary>
public sealed class AnalyzedLayer
{
    /// <summary>"sha256:…" of the uncompressed layer tar.</summary>
    public required string DiffId { get; set; }

    public long UncompressedSizeBytes { get; set; }

    public long CompressedSizeBytes { get; set; }

    public CompressedSizeSource CompressedSizeSource { get; set; }

    public LayerBlobCompression BlobCompression { get; set; }

    /// <summary>Sum of the regular files' sizes.</summary>
    public long ContentBytes { get; set; }

    public int FileCount { get; set; }

    public int DirectoryCount { get; set; }

    public int SymlinkCount { get; set; }

    public int HardLinkCount { get; set; }

    public int WhiteoutCount { get; set; }

    public int EntryCount { get; set; }

    /// <summary>JSON array of <c>{path, sizeBytes}</c>, largest first.</summary>
    public string LargestFilesJson { get; set; } = "[]";

    /// <summary>JSON array of sentences about entries that were skipped or normalised.</summary>
    public string WarningsJson { get; set; } = "[]";

    /// <summary>Version of the <see cref="Entries"/> encoding.</summary>
    public int EntriesFormat { get; set; }

    public byte[] Entries { get; set; } = [];

    /// <summary>
    /// The package databases the layer wrote, path → text, gzip'd JSON (see <c>PackageDatabaseCodec</c>); null for a
    /// layer cached before ImageLab read them, which the cache then treats as a miss so the next analysis reads it.
    /// </summary>
    public byte[]? PackageDatabases { get; set; }

    /// <summary>
    /// The bytes of each file's ELF debug sections, path → bytes for the files that have some, gzip'd (see
    /// <c>DebugSectionBytesCodec</c>); null for a layer cached before ImageLab read ELF sections, which the cache then
    /// treats as a miss so the next analysis reads it.
    /// </summary>
    public byte[]? ElfDebugBytes { get; set; }

    public DateTimeOffset AnalyzedAt { get; set; }
}
