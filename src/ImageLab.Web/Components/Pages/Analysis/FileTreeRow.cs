using ImageLab.Core.Layers;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>One visible row of the <see cref="FileTreeModel"/>: an entry at a depth, expanded or not.</summary>
public sealed record FileTreeRow(FileTreeEntry Entry, int Depth, bool IsExpanded, int HiddenSiblings)
{
    public bool IsDirectory => Entry.Kind == LayerEntryKind.Directory;
}
