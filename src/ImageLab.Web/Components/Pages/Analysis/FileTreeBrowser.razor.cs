using ImageLab.Core.Layers;
using ImageLab.Web.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>An image's file tree at any layer: expand directories, sort by size or name, filter by file name.</summary>
public partial class FileTreeBrowser
{
    private FileTreeModel _model = null!;
    private ImageAnalysis? _shown;

    [Parameter, EditorRequired]
    public ImageAnalysis Analysis { get; set; } = null!;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Analysis))
        {
            _model = new FileTreeModel(Analysis);
            _shown = Analysis;
        }
    }

    private void ShowLayer(int layerIndex) => _model.ShowLayer(layerIndex);

    private void SetFilter(string? filter) => _model.SetFilter(filter);

    private void Sort(FileTreeSort sortBy) => _model.Sort(sortBy);

    private void Toggle(string path) => _model.Toggle(path);

    private double BarWidth(FileTreeEntry entry) =>
        _model.Tree.TotalBytes == 0 ? 0 : Math.Round(100.0 * entry.SizeBytes / _model.Tree.TotalBytes, 2);

    private static string LayerLabel(LayerSummary layer)
    {
        var text = layer.CreatedBy is { Length: > 0 } createdBy ? LayerText.Tidy(createdBy) : "(base image)";
        return $"{layer.Index}: {LayerText.Shorten(text, 71)}";
    }

    private static string Icon(LayerEntryKind kind) => kind switch
    {
        LayerEntryKind.Symlink or LayerEntryKind.HardLink => Icons.Material.Outlined.Link,
        _ => Icons.Material.Outlined.InsertDriveFile,
    };
}
