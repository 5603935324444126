using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Analysis;

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
    private AnalysisStore Store { get; set; } = default!;

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
        var state = await Store.GetStateAsync(Id, CancellationToken.None);
        _notFound = state.Availability == AnalysisAvailability.NoIteration;
        if (!state.IsAvailable)
        {
            _problem = state.Sentence;
            return;
        }

        _summary = await Store.GetAnalysisAsync(Id, CancellationToken.None);
        _analysis = await Store.LoadImageAnalysisAsync(Id, CancellationToken.None);
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

        var state = await Store.GetStateAsync(other, CancellationToken.None);
        if (!state.IsAvailable || await Store.LoadImageAnalysisAsync(other, CancellationToken.None) is not { } analysis)
        {
            (_comparison, _compareProblem) = (null, state.Sentence);
            return;
        }

        _comparison = ImageComparer.Compare(_analysis, analysis);
        _comparedWith = other;
        _compareProblem = null;
    }
}
