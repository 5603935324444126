namespace ImageLab.Core.Layers;

/// <summary>
/// One layer of an analyzed image: its <see cref="LayerAnalysis"/> plus what it did to the layers below it.
/// "Files" here are every non-directory entry (regular files, symlinks, hard links, special files).
/// </summary>
public sealed record LayerSummary
{
    public required int Index { get; init; }

    public required LayerAnalysis Layer { get; init; }

    /// <summary>The <c>created_by</c> of the config's history entry for this layer, when the config has one.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Below <see cref="ImageAnalysisOptions.FirstOwnLayerIndex"/>: the layer comes from the base image.</summary>
    public required bool IsBaseLayer { get; init; }

    public string DiffId => Layer.DiffId;

    public long UncompressedSizeBytes => Layer.UncompressedSizeBytes;

    public long CompressedSizeBytes => Layer.CompressedSizeBytes;

    /// <summary>Sum of the sizes of the regular files the layer writes (docker history's size).</summary>
    public long ContentBytes => Layer.ContentBytes;

    public int FileCount => Layer.FileCount;

    public required int AddedFileCount { get; init; }

    public required long AddedBytes { get; init; }

    public required int ModifiedFileCount { get; init; }

    public required long ModifiedBytes { get; init; }

    /// <summary>Non-directory paths of lower layers this layer removed (whiteouts, opaque directories, replaced directories).</summary>
    public required int DeletedFileCount { get; init; }

    public required long DeletedBytes { get; init; }

    /// <summary>Bytes of copies this layer wrote that a later layer overwrote or deleted.</summary>
    public required long WastedBytes { get; init; }

    public required IReadOnlyList<LayerFile> LargestFiles { get; init; }

    public required IReadOnlyList<WasteFinding> Findings { get; init; }
}
