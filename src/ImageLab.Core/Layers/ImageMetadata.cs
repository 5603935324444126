namespace ImageLab.Core.Layers;

/// <summary>What the save stream's manifest and config say about the image, beyond its layers.</summary>
public sealed record ImageMetadata
{
    public string? ImageId { get; init; }

    public IReadOnlyList<string>? RepoTags { get; init; }

    /// <summary>One <c>created_by</c> per layer (non-empty history entries), aligned with the layers.</summary>
    public IReadOnlyList<string?>? CreatedBy { get; init; }

    public SaveLayout Layout { get; init; }

    /// <summary>Sentences about the archive itself (e.g. more than one image in it).</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
