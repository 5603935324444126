namespace ImageLab.Core.Experiments;

/// <summary>
/// One <c>docker history</c> entry of an iteration's image, oldest first (<see cref="Index"/> 0 is the
/// bottom layer), with the Dockerfile instruction that made it where it could be matched.
/// </summary>
public sealed record LayerDetails(
    int Index,
    string HistoryId,
    string CreatedBy,
    long SizeBytes,
    DateTimeOffset CreatedAt,
    string Comment,
    bool EmptyLayer,
    bool FromBaseImage,
    string? Instruction,
    int? Line)
{
    /// <summary>What a registry stores for this layer (gzip), from the layer analysis; null for empty layers or before analysis.</summary>
    public long? CompressedSizeBytes { get; init; }
}
