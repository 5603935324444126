using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// One layer as the anatomy needs it: its entries (sizes, whiteouts) and the content of the package databases it
/// wrote (<see cref="PackageDatabaseFiles"/>), keyed by absolute path.
/// </summary>
public sealed record AnatomyLayer(IReadOnlyList<LayerEntry> Entries, IReadOnlyDictionary<string, string> DatabaseFiles);
