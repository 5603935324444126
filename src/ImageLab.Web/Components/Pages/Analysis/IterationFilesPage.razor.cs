using ImageLab.Core.Contracts;
using ImageLab.Core.Layers;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>
/// <c>/iterations/{id}/files</c>: an iteration's layer analysis: headline numbers, the file tree, the waste list and
/// the file diff against another iteration (<c>?compare={iterationId}</c> opens it directly).
/// </summary>
public partial class IterationFilesPage
{
    private StoredAnalysis? _summary;
    private ImageAnalysis? _analysis;
    private ImageComparison? _comparison;
    private string? _problem;
    private string? _compareProblem;
    private bool _notFound;
    private long? _compareWith;
    private long? _comparedWith;
    private int _tab;
    private long? _loaded;

    [Inject]
    private IterationAnalyses Analyses { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    [SupplyParameterFromQuery(Name = "compare")]
    public long? Compare { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == Id)
        {
            return;
        }

        _loaded = Id;
        (_summary, _analysis, _comparison, _problem) = (null, null, null, null);
        _notFound = false;
        try
        {
            _summary = await Analyses.GetSummaryAsync(Id, CancellationToken.None);
            _analysis = await Analyses.LoadImageAsync(Id, CancellationToken.None);
        }
        catch (ActionRefusedException e)
        {
            (_summary, _analysis) = (null, null);
            _notFound = e.Reason == Refusal.NotFound;
            _problem = e.Message;
            return;
        }

        if (Compare is { } other)
        {
            _compareWith = other;
            _tab = 2;
            await CompareAsync();
        }
    }

    private async Task CompareAsync()
    {
        if (_compareWith is not { } other || _analysis is null)
        {
            return;
        }

        ImageAnalysis analysis;
        try
        {
            analysis = await Analyses.LoadImageAsync(other, CancellationToken.None);
        }
        catch (ActionRefusedException e)
        {
            (_comparison, _compareProblem) = (null, e.Message);
            return;
        }

        _comparison = ImageComparer.Compare(_analysis, analysis);
        _comparedWith = other;
        _compareProblem = null;
    }
}
