namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// One path ever seen in the stacked layers. Ids are never reused and a parent is always created before its
/// children, so a parent's id is lower than its children's (the tree's sizes are summed in one backward pass).
/// </summary>
internal struct TreeNode
{
    public string Path;
    public string? LinkTarget;
    public List<int>? Children;
    public long Size;
    public long ModifiedUnixSeconds;
    public int Parent;
    public int LayerIndex;
    public int HistoryHead;
    public int HistoryTail;
    public LayerEntryKind Kind;
    public bool Present;
}
