namespace ImageLab.Core.Layers;

/// <summary>
/// One path of a <see cref="FileTree"/>. <see cref="SizeBytes"/> is recursive for directories;
/// <see cref="LayerIndex"/> is the layer that last wrote the path (-1 for the root).
/// </summary>
public sealed record FileTreeEntry(
    string Path,
    string Name,
    LayerEntryKind Kind,
    long SizeBytes,
    int LayerIndex,
    int ChildCount,
    string? LinkTarget);
