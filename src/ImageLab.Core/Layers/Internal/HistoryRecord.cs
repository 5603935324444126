namespace ImageLab.Core.Layers.Internal;

/// <summary>A <see cref="PathChange"/> in a singly linked list per node, stored in one flat array.</summary>
internal struct HistoryRecord
{
    public long Size;
    public int LayerIndex;
    public int Next;
    public PathChangeKind Change;
    public LayerEntryKind Kind;
}
