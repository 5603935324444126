using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Controls;

/// <summary>The one status chip of the dashboard, for iterations and experiments alike.</summary>
public partial class StatusChip
{
    private (string Label, Color Color, string Icon, bool Busy) _look;

    [Parameter]
    public Core.Experiments.IterationStatus? Iteration { get; set; }

    [Parameter]
    public Core.Experiments.ExperimentStatus? Experiment { get; set; }

    /// <summary>Shown on hover: why it failed or was cancelled.</summary>
    [Parameter]
    public string? Reason { get; set; }

    [Parameter]
    public Size Size { get; set; } = Size.Small;

    protected override void OnParametersSet()
    {
        var name = Iteration?.ToString() ?? Experiment?.ToString() ?? "Unknown";
        _look = name switch
        {
            "Queued" => ("Queued", Color.Default, Icons.Material.Outlined.Schedule, false),
            "Building" => ("Building", Color.Info, Icons.Material.Filled.Construction, true),
            "Measuring" => ("Measuring", Color.Info, Icons.Material.Filled.Straighten, true),
            "Running" => ("Running", Color.Info, Icons.Material.Filled.Autorenew, true),
            "Succeeded" => ("Succeeded", Color.Success, Icons.Material.Filled.CheckCircle, false),
            "Failed" => ("Failed", Color.Error, Icons.Material.Filled.Error, false),
            "Canceled" => ("Cancelled", Color.Warning, Icons.Material.Filled.Cancel, false),
            _ => (name, Color.Default, Icons.Material.Outlined.HelpOutline, false),
        };
    }
}
