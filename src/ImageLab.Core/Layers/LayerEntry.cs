namespace ImageLab.Core.Layers;

/// <summary>
/// One entry of a layer tar, normalised: <see cref="Path"/> is absolute ("/usr/bin/env"), whiteouts carry the path
/// they delete, and <see cref="SizeBytes"/> is the content size (0 for directories, links and markers).
/// </summary>
public readonly record struct LayerEntry(string Path, LayerEntryKind Kind, long SizeBytes, string? LinkTarget = null);
