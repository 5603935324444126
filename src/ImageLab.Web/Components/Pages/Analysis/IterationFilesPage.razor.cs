using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Core.Layers;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>
/// <c>/iterations/{id}/files</c>: an iteration's layer analysis: headline numbers, where the bytes are (by kind, package
/// and unowned folder, drillable to files), the file tree, the waste list and the file diff against another iteration
/// (<c>?compare={iterationId}</c> opens it directly).
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
    private PackagesResponse? _anatomy;
    private string? _anatomyProblem;
    private IReadOnlyList<LayerSource> _layers = [];
    private int _packageLimit = PackagePage;
    private FileGroup? _drillGroup;
    private PackageFilesResponse? _drill;
    private string? _drillProblem;

    private const int PackagePage = 25;
    private const int DrillFiles = 100;
    private const int CompareTab = 3;

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
        (_summary, _analysis, _comparison, _problem, _anatomy, _anatomyProblem) = (null, null, null, null, null, null);
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

        _layers = await Analyses.SourcesAsync(Id, _analysis, CancellationToken.None);
        (_drillGroup, _drill, _drillProblem, _packageLimit) = (null, null, null, PackagePage);
        await LoadAnatomyAsync();

        if (Compare is { } other)
        {
            _compareWith = other;
            _tab = CompareTab;
            await CompareAsync();
        }
    }

    private async Task LoadAnatomyAsync()
    {
        try
        {
            _anatomy = await Analyses.GetPackagesAsync(Id, new PackageQuery(Limit: _packageLimit), CancellationToken.None);
            _anatomyProblem = null;
        }
        catch (ActionRefusedException e)
        {
            (_anatomy, _anatomyProblem) = (null, e.Message);
        }
    }

    private async Task ShowMorePackagesAsync()
    {
        _packageLimit += PackagePage;
        await LoadAnatomyAsync();
    }

    private async Task DrillAsync(FileGroup group)
    {
        if (group == _drillGroup)
        {
            CloseDrill();
            return;
        }

        (_drillGroup, _drill, _drillProblem) = (group, null, null);
        try
        {
            var files = await Analyses.GetPackageFilesAsync(Id, group, 0, DrillFiles, CancellationToken.None);
            if (_drillGroup == group)
            {
                _drill = files;
            }
        }
        catch (ActionRefusedException e) when (_drillGroup == group)
        {
            _drillProblem = e.Message;
        }
    }

    private void CloseDrill() => (_drillGroup, _drill, _drillProblem) = (null, null, null);

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
