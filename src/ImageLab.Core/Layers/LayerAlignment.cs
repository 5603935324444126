namespace ImageLab.Core.Layers;

/// <summary>A layer of A or B (or both, when they share the DiffID), with its position in each image.</summary>
public sealed record LayerAlignment(
    string DiffId,
    int? IndexInA,
    int? IndexInB,
    long ContentBytes,
    long CompressedSizeBytes)
{
    public bool IsShared => IndexInA is not null && IndexInB is not null;
}
