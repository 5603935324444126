using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// Why the experiment's final image differs from its baseline experiment's, led by the top causes; a sentence when the
/// experiment has no baseline (or nothing built to compare).
/// </summary>
public partial class BaselineCausesPanel
{
    private BaselineComparison? _comparison;
    private string? _problem;
    private (long Id, int Succeeded)? _asked;

    [Inject]
    private IBaselineComparisons Baselines { get; set; } = default!;

    [Parameter, EditorRequired]
    public ExperimentDetails Experiment { get; set; } = default!;

    private long ExperimentId => Experiment.Id;

    // Asked again when another iteration has succeeded (the final iteration may have changed), not on every live update.
    protected override async Task OnParametersSetAsync()
    {
        var asking = (Experiment.Id, Experiment.Iterations.Count(i => i.Status == IterationStatus.Succeeded));
        if (_asked == asking)
        {
            return;
        }

        _asked = asking;
        try
        {
            (_comparison, _problem) = (await Baselines.FindAsync(ExperimentId, CancellationToken.None), null);
        }
        catch (ActionRefusedException e)
        {
            (_comparison, _problem) = (null, e.Message);
        }
    }
}
