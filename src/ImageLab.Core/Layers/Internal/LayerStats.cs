namespace ImageLab.Core.Layers.Internal;

/// <summary>Per-layer counters that depend on the layers below, filled while stacking.</summary>
internal sealed class LayerStats
{
    public int AddedFiles;
    public long AddedBytes;
    public int ModifiedFiles;
    public long ModifiedBytes;
    public int DeletedFiles;
    public long DeletedBytes;
    public long WastedBytes;
}
