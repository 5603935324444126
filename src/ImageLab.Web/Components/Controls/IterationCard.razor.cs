using ImageLab.Core.Experiments;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// One iteration on the live page: status, step N/M, cached steps, elapsed time, size when measured, cancel; the
/// suggestion action on one with findings, and a suggested iteration's proof.
/// </summary>
public partial class IterationCard
{
    [Parameter, EditorRequired]
    public IterationLiveState State { get; set; } = default!;

    [Parameter]
    public long ExperimentId { get; set; }

    [Parameter]
    public bool Selected { get; set; }

    [Parameter]
    public long? BaselineBytes { get; set; }

    [Parameter]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public EventCallback<IterationLiveState> OnSelect { get; set; }

    [Parameter]
    public EventCallback<IterationLiveState> OnCancel { get; set; }

    /// <summary>Asks for a suggested Dockerfile; builders only: without a delegate the card shows no action.</summary>
    [Parameter]
    public EventCallback<IterationLiveState> OnSuggest { get; set; }

    /// <summary>A suggestion is being asked for from this card.</summary>
    [Parameter]
    public bool Suggesting { get; set; }

    /// <summary>The iteration a suggested one came from; null for a submitted iteration.</summary>
    [Parameter]
    public IterationDetails? Source { get; set; }

    [Parameter]
    public EventCallback<IterationDetails> OnCopyPatch { get; set; }

    private static string StepText(IterationLiveState state) => state.Status switch
    {
        IterationStatus.Queued => "Waiting for the builder",
        IterationStatus.Measuring => "Measuring the image",
        _ when state.TotalSteps > 0 => $"Step {Math.Min(state.CurrentStep ?? state.CompletedSteps, state.TotalSteps)}/{state.TotalSteps}",
        IterationStatus.Building => "Starting the build",
        _ => "No steps reported",
    };

    private static Color ProgressColor(IterationLiveState state) => state.Status switch
    {
        IterationStatus.Succeeded => Color.Success,
        IterationStatus.Failed => Color.Error,
        IterationStatus.Canceled => Color.Warning,
        _ => Color.Info,
    };
}
