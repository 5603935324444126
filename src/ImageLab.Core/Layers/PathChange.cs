namespace ImageLab.Core.Layers;

/// <summary>What one layer did to one path; a path's history is the list of these, lowest layer first.</summary>
public readonly record struct PathChange(int LayerIndex, PathChangeKind Change, LayerEntryKind Kind, long SizeBytes);
