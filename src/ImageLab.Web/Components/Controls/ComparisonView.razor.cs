using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>The comparison: summary sentence, size bars with reductions, the side-by-side table, layer stacks, and any two iterations.</summary>
public partial class ComparisonView
{
    private ComparisonModel _model = ComparisonModel.From([]);

    [Parameter, EditorRequired]
    public ExperimentDetails Experiment { get; set; } = default!;

    private long ExperimentId => Experiment.Id;

    // The pair whose causes the top of the tab lists (the baseline iteration against the smallest), so that the
    // picker below does not list them a second time.
    private (long Before, long After)? ExplainedAbove =>
        _model.Baseline is { SizeBytes: not null } baseline && _model.Best is { } best ? (baseline.Iteration.Id, best.Iteration.Id) : null;

    protected override void OnParametersSet() => _model = ComparisonModel.From(Experiment.Iterations);
}
