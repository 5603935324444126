using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// One layer as the anatomy needs it: its entries (sizes, whiteouts), the content of the package databases it
/// wrote (<see cref="PackageDatabaseFiles"/>) and the bytes of its files' ELF debug sections (files without any left
/// out; null when they were not read), keyed by absolute path.
/// </summary>
public sealed record AnatomyLayer(
    IReadOnlyList<LayerEntry> Entries,
    IReadOnlyDictionary<string, string> DatabaseFiles,
    IReadOnlyDictionary<string, long>? DebugSectionBytes = null);
