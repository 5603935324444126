using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>A unified line diff of two texts (a Dockerfile and its suggestion): removed lines red, added green, the rest folded.</summary>
public partial class LineDiffView
{
    private IReadOnlyList<LineDiffRow> _rows = [];
    private (string Before, string After)? _compared;

    [Parameter, EditorRequired]
    public string Before { get; set; } = "";

    [Parameter, EditorRequired]
    public string After { get; set; } = "";

    [Parameter]
    public string Label { get; set; } = "Line diff";

    protected override void OnParametersSet()
    {
        // The card re-renders with every live event: diff again only when a text changed.
        if (_compared != (Before, After))
        {
            _compared = (Before, After);
            _rows = LineDiffModel.Compare(Before, After);
        }
    }

    private static string Sign(LineDiffRow row) => row.Kind switch
    {
        LineEditKind.Removed => "−",
        LineEditKind.Added => "+",
        _ => " ",
    };
}
