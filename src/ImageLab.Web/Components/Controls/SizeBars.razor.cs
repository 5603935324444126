using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>The comparison's bar chart: one bar per iteration on a shared scale, each with its reduction against the baseline.</summary>
public partial class SizeBars
{
    [Parameter, EditorRequired]
    public ComparisonModel Model { get; set; } = default!;

    private static string PendingText(ComparisonRow row) => row.Iteration.Status switch
    {
        IterationStatus.Failed => "failed: no image",
        IterationStatus.Canceled => "cancelled: no image",
        _ => "not measured yet",
    };
}
