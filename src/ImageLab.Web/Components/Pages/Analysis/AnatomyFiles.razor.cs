using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>The files behind one package, kind or unowned folder, largest first: path, bytes, the layer that wrote it and its kind.</summary>
public partial class AnatomyFiles
{
    [Parameter, EditorRequired]
    public PackageFilesResponse Files { get; set; } = default!;

    /// <summary>What the files are of, in words ("dpkg package python3.11 3.11.2-6").</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>What made each layer of the image, by index.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<LayerSource> Layers { get; set; } = [];

    /// <summary>Names each file's package instead of its kind (for the files of one kind, which all share it).</summary>
    [Parameter]
    public bool ShowOwner { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private string LayerLabel(int index) => index < Layers.Count ? Layers[index].Label : $"layer {index + 1}";
}
