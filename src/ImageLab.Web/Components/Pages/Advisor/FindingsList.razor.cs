using ImageLab.Core.Dockerfiles;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>The advisor's findings, the most bytes at stake first, then the most severe, then by line.</summary>
public partial class FindingsList
{
    private List<Finding> _sorted = [];

    [Parameter]
    public IReadOnlyList<Finding> Findings { get; set; } = [];

    protected override void OnParametersSet() =>
        _sorted = Findings
            .OrderByDescending(f => f.BytesAtStake ?? -1)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Line)
            .ToList();

    private static (string Icon, Color Color) Look(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => (Icons.Material.Filled.Error, Color.Error),
        FindingSeverity.Warning => (Icons.Material.Filled.Warning, Color.Warning),
        _ => (Icons.Material.Outlined.Info, Color.Info),
    };
}
