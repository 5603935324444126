namespace ImageLab.Data.Entities;

/// <summary>One layer of an analyzed iteration (index 0 is the bottom, the order of <c>rootfs.diff_ids</c>).</summary>
public sealed class IterationAnalysisLayer
{
    public long IterationId { get; set; }

    public int Index { get; set; }

    public required string DiffId { get; set; }

    public AnalyzedLayer? Layer { get; set; }

    /// <summary>The <c>docker history</c> row (<see cref="Layer"/> index) that made the layer, where it could be matched.</summary>
    public int? HistoryIndex { get; set; }

    public string? CreatedBy { get; set; }

    public bool IsBaseLayer { get; set; }

    public int AddedFileCount { get; set; }

    public long AddedBytes { get; set; }

    public int ModifiedFileCount { get; set; }

    public long ModifiedBytes { get; set; }

    public int DeletedFileCount { get; set; }

    public long DeletedBytes { get; set; }

    public long WastedBytes { get; set; }
}
