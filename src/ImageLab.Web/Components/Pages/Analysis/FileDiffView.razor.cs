using ImageLab.Core.Layers;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>The file diff of two iterations: files only in A, only in B, changed (largest first), and their layers aligned by DiffID.</summary>
public partial class FileDiffView
{
    [Parameter, EditorRequired]
    public ImageComparison Comparison { get; set; } = null!;

    [Parameter]
    public string NameA { get; set; } = "A";

    [Parameter]
    public string NameB { get; set; } = "B";

    /// <summary>Rows shown per list.</summary>
    [Parameter]
    public int Limit { get; set; } = 200;

    internal static string Signed(long bytes) => bytes == 0 ? "no change" : ByteSize.Change(bytes);
}
