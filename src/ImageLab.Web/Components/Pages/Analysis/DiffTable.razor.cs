using ImageLab.Core.Layers;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>One list of a <see cref="FileDiffView"/>.</summary>
public partial class DiffTable
{
    [Parameter, EditorRequired]
    public IReadOnlyList<FileDifference> Files { get; set; } = [];

    [Parameter]
    public int Limit { get; set; } = 200;
}
