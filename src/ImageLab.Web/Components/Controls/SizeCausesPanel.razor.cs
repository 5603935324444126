using ImageLab.Core.Anatomy;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// Why one iteration's image differs in size from another's, led by the top causes (by Dockerfile step, each with the
/// folder or package inside it that explains it); a sentence when either has no package anatomy yet.
/// </summary>
public partial class SizeCausesPanel
{
    private SizeBlame? _blame;
    private IReadOnlyList<SizeCause> _causes = [];
    private string? _problem;
    private (long, long)? _loaded;

    [Inject]
    private ISizeBlames Blames { get; set; } = default!;

    [Parameter, EditorRequired]
    public long BeforeIterationId { get; set; }

    [Parameter, EditorRequired]
    public long AfterIterationId { get; set; }

    [Parameter, EditorRequired]
    public string BeforeName { get; set; } = "";

    [Parameter, EditorRequired]
    public string AfterName { get; set; } = "";

    /// <summary>How many causes to list.</summary>
    [Parameter]
    public int Count { get; set; } = 5;

    // An answer is kept; a refusal (analysis still running) is asked again whenever the page re-renders the panel with
    // fresh data, so that the causes appear once both analyses are stored.
    protected override async Task OnParametersSetAsync()
    {
        var pair = (BeforeIterationId, AfterIterationId);
        if (_loaded == pair && _blame is not null)
        {
            return;
        }

        if (_loaded != pair)
        {
            (_loaded, _blame, _causes, _problem) = (pair, null, [], null);
        }

        try
        {
            var blame = await Blames.BlameAsync(BeforeIterationId, AfterIterationId, CancellationToken.None);
            if (_loaded == pair)
            {
                (_blame, _causes, _problem) = (blame, blame.TopCauses(Count), null);
            }
        }
        catch (ActionRefusedException e) when (_loaded == pair)
        {
            _problem = $"Why the size changed is not known yet: {e.Message}";
        }
    }
}
