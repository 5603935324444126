namespace ImageLab.Core.Layers;

/// <summary>
/// One entry of a layer tar, normalised: <see cref="Path"/> is absolute ("/usr/bin/env"), whiteouts carry the path
/// they delete, and <see cref="SizeBytes"/> is the content size (0 for directories, links and markers).
/// <see cref="ModifiedUnixSeconds"/> is the tar header's mtime: a chmod or chown keeps it, a rewrite changes it.
/// </summary>
public readonly record struct LayerEntry(
    string Path,
    LayerEntryKind Kind,
    long SizeBytes,
    string? LinkTarget = null,
    long ModifiedUnixSeconds = 0);
