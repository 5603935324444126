using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>One image's layers side by side, widths by size on the comparison's scale; each opens its drill-down.</summary>
public partial class LayerStackBar
{
    [Parameter, EditorRequired]
    public ComparisonRow Row { get; set; } = default!;

    [Parameter]
    public long ExperimentId { get; set; }

    private static string SegmentClass(LayerSegment segment) =>
        (segment.IsBase ? $"layer-seg layer-base-{segment.Shade}" : $"layer-seg layer-own-{segment.Shade}") + (segment.IsLargestOwn ? " is-largest" : "");
}
