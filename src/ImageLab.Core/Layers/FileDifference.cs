namespace ImageLab.Core.Layers;

/// <summary>A non-directory path that differs between two images; the side where it is absent has null values.</summary>
public sealed record FileDifference(
    string Path,
    long? SizeInA,
    long? SizeInB,
    int? LayerInA,
    int? LayerInB)
{
    /// <summary>B's size minus A's, absent counting as 0.</summary>
    public long DeltaBytes => (SizeInB ?? 0) - (SizeInA ?? 0);
}
