namespace ImageLab.Core.Anatomy;

/// <summary>Bytes and files one layer (by its index in the image, base first) contributes to a group.</summary>
public readonly record struct LayerBytes(int LayerIndex, long Bytes, int FileCount);
