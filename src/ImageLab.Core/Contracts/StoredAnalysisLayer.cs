using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>One layer of a <see cref="StoredAnalysis"/>, bottom first; <see cref="HistoryIndex"/> is its <c>docker history</c> row.</summary>
public sealed record StoredAnalysisLayer
{
    public required int Index { get; init; }

    public required string DiffId { get; init; }

    public int? HistoryIndex { get; init; }

    public string? CreatedBy { get; init; }

    public bool IsBaseLayer { get; init; }

    /// <summary>Regular files in the layer tar.</summary>
    public int FileCount { get; init; }

    public long ContentBytes { get; init; }

    public long UncompressedSizeBytes { get; init; }

    /// <summary>What a registry stores for the layer (gzip); null when it was not estimated.</summary>
    public long? CompressedSizeBytes { get; init; }

    public int AddedFileCount { get; init; }

    public long AddedBytes { get; init; }

    public int ModifiedFileCount { get; init; }

    public long ModifiedBytes { get; init; }

    public int DeletedCount { get; init; }

    public long DeletedBytes { get; init; }

    public long WastedBytes { get; init; }

    public IReadOnlyList<LayerFile> LargestFiles { get; init; } = [];

    public IReadOnlyList<WasteFinding> Findings { get; init; } = [];
}
