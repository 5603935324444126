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

    /// <summary>
    /// The kind the files are of, when they are listed for one: each shows its bytes of that kind and its package
    /// instead of its kind (which they all share). Null for the files of a package or folder.
    /// </summary>
    [Parameter]
    public ByteKind? Kind { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private string BytesHeading => Kind switch
    {
        ByteKind.DebugInfo => "Debug bytes",
        null => "Bytes",
        _ => "Bytes of this kind",
    };

    private long BytesShown(AttributedFile file) => Kind is { } kind ? file.BytesOf(kind) : file.Bytes;

    // A program whose debug info is its ELF sections, not its whole file: say of how large a file.
    private bool ShowsSectionsOf(AttributedFile file) => Kind == ByteKind.DebugInfo && file.Kind != ByteKind.DebugInfo;

    private string LayerLabel(int index) => index < Layers.Count ? Layers[index].Label : $"layer {index + 1}";
}
