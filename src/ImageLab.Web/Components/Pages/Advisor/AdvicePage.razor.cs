using ImageLab.Core.Advice;
using ImageLab.Core.Experiments;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>
/// <c>/experiments/{id}/advice</c>: the lesson's checklist for every iteration, each iteration's measured findings,
/// and the instruction-by-instruction change between any two iterations.
/// </summary>
public partial class AdvicePage
{
    private ExperimentDetails? _experiment;
    private List<IterationAdvice> _advice = [];
    private List<ScorecardColumn> _columns = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IterationChange? _change;
    private long _beforeId;
    private long _afterId;
    private bool _notFound;
    private string? _error;

    [Inject]
    private ExperimentAdvice Advice { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_experiment?.Id == Id)
        {
            return;
        }

        // Everything is computed before any field changes, so no render shows a half-loaded page.
        AdvisedExperiment? advised;
        try
        {
            advised = await Advice.GetAdviceAsync(Id, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"The advice for experiment {Id} could not be read: {e.Message}";
            return;
        }

        _notFound = advised is null;
        if (advised is null)
        {
            return;
        }

        var experiment = advised.Experiment;
        _advice = [.. advised.Iterations];
        _columns = _advice.Select(a => new ScorecardColumn(a.Title, a.Scorecard)).ToList();
        _breadcrumbs =
        [
            new BreadcrumbItem("Experiments", "/"),
            new BreadcrumbItem(experiment.Name, $"/experiments/{Id}"),
            new BreadcrumbItem("Advice", null, disabled: true),
        ];
        _experiment = experiment;
        if (_advice.Count >= 2)
        {
            _beforeId = _advice[0].Iteration.Id;
            _afterId = _advice[^1].Iteration.Id;
            Compare();
        }
    }

    private void SelectBefore(long id)
    {
        _beforeId = id;
        Compare();
    }

    private void SelectAfter(long id)
    {
        _afterId = id;
        Compare();
    }

    private void Compare()
    {
        var before = _advice.FirstOrDefault(a => a.Iteration.Id == _beforeId)?.Iteration;
        var after = _advice.FirstOrDefault(a => a.Iteration.Id == _afterId)?.Iteration;
        _change = before is null || after is null ? null : IterationChange.Compare(before, after);
    }

    private string TitleOf(long id) => _advice.FirstOrDefault(a => a.Iteration.Id == id)?.Title ?? "";
}
