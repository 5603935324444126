using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>
/// The advisor's findings, the most bytes first (measured by a suggestion's build where one proved them, else the
/// estimate at stake), then the most severe, then by line.
/// </summary>
public partial class FindingsList
{
    private List<Finding> _sorted = [];

    [Parameter]
    public IReadOnlyList<Finding> Findings { get; set; } = [];

    /// <summary>The savings suggestions from this iteration measured, by the rule id they answer.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, ProvenSaving> Proven { get; set; } = new Dictionary<string, ProvenSaving>();

    protected override void OnParametersSet() =>
        _sorted = Findings
            .OrderByDescending(f => Proven.GetValueOrDefault(f.RuleId)?.SavedBytes ?? f.BytesAtStake ?? -1)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Line)
            .ToList();

    // Green only for a saving: a transformation that made the image larger (or left it as it was) is not one.
    private static string MeasuredClass(ProvenSaving proven) => proven.SavedBytes switch
    {
        > 0 => "is-saving",
        < 0 => "is-cost",
        _ => "is-unchanged",
    };

    private static string MeasuredTitle(ProvenSaving proven) =>
        $"Measured, not estimated: built {(TransformationDetails.DescribeOnTopOf(proven.OnTopOf) is { } onTopOf ? onTopOf + " on" : "alone on top of")} this iteration, "
        + $"the transformation {proven.TransformationId} of {proven.SuggestionTitle} "
        + $"changed the image by {ByteSize.Change(-proven.SavedBytes)} ({ByteSize.Exact(-proven.SavedBytes)}, uncompressed"
        + (proven.MeasuredOn is { } engine ? $", on {engine}" : "")
        + $"). It answers every {string.Join(" and ", proven.RuleIds)} finding of this Dockerfile at once.";

    private static (string Icon, Color Color) Look(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => (Icons.Material.Filled.Error, Color.Error),
        FindingSeverity.Warning => (Icons.Material.Filled.Warning, Color.Warning),
        _ => (Icons.Material.Outlined.Info, Color.Info),
    };
}
