namespace ImageLab.Core.Layers;

/// <summary>A file and its size, e.g. one of a layer's largest files.</summary>
public sealed record LayerFile(string Path, long SizeBytes);
