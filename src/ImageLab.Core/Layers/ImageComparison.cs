namespace ImageLab.Core.Layers;

/// <summary>
/// Two analyses side by side. Layers are aligned by DiffID (A's layers in order, then the layers only B has); file lists cover
/// non-directory paths of the final trees, largest first. A path is "changed" when its kind or size differs.
/// </summary>
public sealed record ImageComparison
{
    public required IReadOnlyList<LayerAlignment> Layers { get; init; }

    public required IReadOnlyList<FileDifference> OnlyInA { get; init; }

    public required IReadOnlyList<FileDifference> OnlyInB { get; init; }

    public required IReadOnlyList<FileDifference> Changed { get; init; }

    public required long BytesOnlyInA { get; init; }

    public required long BytesOnlyInB { get; init; }

    /// <summary>Sum of B's size minus A's size over changed paths.</summary>
    public required long ChangedDeltaBytes { get; init; }

    public required long SharedLayerBytes { get; init; }

    public required long TotalBytesA { get; init; }

    public required long TotalBytesB { get; init; }

    public long DeltaBytes => TotalBytesB - TotalBytesA;

    public required long CompressedBytesA { get; init; }

    public required long CompressedBytesB { get; init; }
}
