using System.Globalization;
using ImageLab.Core.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.History;

/// <summary>
/// The team's history: experiments newest first, filtered and paged on the server, and a size trend per project.
/// Prerendered (<see cref="PrerenderedPageAttribute"/>): the first page of rows is in the first HTML answer, and
/// the interactive page takes it over from <see cref="Snapshot"/> instead of reading it a second time.
/// </summary>
[PrerenderedPage]
public sealed partial class Home : IDisposable
{
    internal static readonly int[] PageSizes = [10, 20, 50, 100];
    private const int TrendPoints = 60;
    private IReadOnlyList<ExperimentSummary> _rows = [];
    private long _total;
    private int _pageNumber = 1;
    private int _pageSize = 20;
    private bool _loading;
    private IReadOnlyList<string> _projects = [];
    private IReadOnlyList<string> _submitters = [];
    private IReadOnlyList<TrendPoint> _trend = [];
    private string? _trendProject;
    private ExperimentStatus? _status;
    private DateRange? _dates;
    private string? _error;
    private CancellationTokenSource? _load;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "project")]
    public string? Project { get; set; }

    [SupplyParameterFromQuery(Name = "submittedBy")]
    public string? SubmittedBy { get; set; }

    /// <summary>Written while prerendering, read back by the interactive page (then cleared).</summary>
    [PersistentState]
    public HistorySnapshot? Snapshot { get; set; }

    private bool HasFilters => Project is not null || SubmittedBy is not null || _status is not null || _dates?.Start is not null || _dates?.End is not null;

    private int LastPage => (int)Math.Max(1, (_total + _pageSize - 1) / _pageSize);

    private string RangeText => _total == 0
        ? "0 of 0"
        : string.Create(CultureInfo.InvariantCulture, $"{((_pageNumber - 1) * _pageSize) + 1:N0}–{Math.Min(_total, (long)_pageNumber * _pageSize):N0} of {_total:N0}");

    protected override async Task OnInitializedAsync()
    {
        if (Snapshot is { } snapshot && snapshot.Project == Project && snapshot.SubmittedBy == SubmittedBy)
        {
            // Prerendered a moment ago: show exactly those rows, read nothing again.
            _rows = snapshot.Items;
            _total = snapshot.Total;
            _projects = snapshot.Projects;
            _submitters = snapshot.Submitters;
            _trendProject = snapshot.TrendProject;
            _trend = snapshot.Trend;
            Snapshot = null;
            return;
        }

        // The first page (and its trend) and the filter lists are read at once, each on its own connection.
        var page = LoadPageAsync(CancellationToken.None);
        try
        {
            var projects = Queries.ListProjectsAsync(CancellationToken.None);
            var submitters = Queries.ListSubmittersAsync(CancellationToken.None);
            _projects = await projects;
            _submitters = await submitters;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"The list of projects could not be read: {e.Message}";
        }

        await page;
        if (_error is null)
        {
            Snapshot = new HistorySnapshot(Project, SubmittedBy, _rows, _total, _projects, _submitters, _trendProject, _trend);
        }
    }

    /// <summary>Reads the current page on the server with the filters (and the trend once a project is known).</summary>
    internal async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        var filter = new ExperimentFilter(
            Project,
            SubmittedBy,
            _status,
            _dates?.Start is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
            _dates?.End is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)) : null,
            _pageNumber,
            _pageSize);
        _loading = true;
        try
        {
            var page = await Queries.ListExperimentsAsync(filter, cancellationToken);
            _rows = page.Items;
            _total = page.Total;
            if (_trendProject is null && (Project ?? (page.Items.Count > 0 ? page.Items[0].Project : null) ?? (_projects.Count > 0 ? _projects[0] : null)) is { } project)
            {
                await LoadTrendAsync(project, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"The experiments could not be read: {e.Message}";
            _rows = [];
            _total = 0;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ReloadAsync()
    {
        // A newer request (another filter or page) wins over one still running.
        if (_load is not null)
        {
            await _load.CancelAsync();
            _load.Dispose();
        }

        _load = new CancellationTokenSource();
        await LoadPageAsync(_load.Token);
    }

    private async Task LoadTrendAsync(string project, CancellationToken cancellationToken)
    {
        _trendProject = project;
        try
        {
            _trend = await Queries.GetTrendAsync(project, TrendPoints, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _trend = [];
            _error = $"The size trend of {project} could not be read: {e.Message}";
        }
    }

    private void OpenRow(TableRowClickEventArgs<ExperimentSummary> row)
    {
        if (row.Item is { } item)
        {
            Navigation.NavigateTo($"/experiments/{item.Id}");
        }
    }

    private Task TrendProjectChangedAsync(string project) => LoadTrendAsync(project, CancellationToken.None);

    private Task GoToPageAsync(int pageNumber)
    {
        _pageNumber = Math.Clamp(pageNumber, 1, LastPage);
        return ReloadAsync();
    }

    private Task PageSizeChangedAsync(int pageSize)
    {
        _pageSize = pageSize;
        _pageNumber = 1;
        return ReloadAsync();
    }

    private async Task FilterAsync(Action change)
    {
        change();
        _pageNumber = 1;
        if (Project is not null && Project != _trendProject)
        {
            await LoadTrendAsync(Project, CancellationToken.None);
        }

        await ReloadAsync();
    }

    private Task ClearFiltersAsync() => FilterAsync(() =>
    {
        Project = null;
        SubmittedBy = null;
        _status = null;
        _dates = null;
    });

    public void Dispose()
    {
        _load?.Cancel();
        _load?.Dispose();
    }
}
