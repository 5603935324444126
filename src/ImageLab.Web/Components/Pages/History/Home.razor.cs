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
    private static readonly Page<ExperimentSummary> NoRows = new([], 1, 20, 0);
    private Page<ExperimentSummary> _page = NoRows;
    private HistoryPosition _position = HistoryPosition.Newest;

    // The keyset position of the page asked for (OlderThan, NewerThan or Oldest); an empty filter is the first page.
    private ExperimentFilter _at = new();
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

    private IReadOnlyList<ExperimentSummary> Rows => _page.Items;

    private string RangeText => _position.Describe(_page);

    protected override async Task OnInitializedAsync()
    {
        if (Snapshot is { } snapshot && snapshot.Project == Project && snapshot.SubmittedBy == SubmittedBy)
        {
            // Prerendered a moment ago: show exactly those rows, read nothing again.
            _page = snapshot.Page;
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
            Snapshot = new HistorySnapshot(Project, SubmittedBy, _page, _projects, _submitters, _trendProject, _trend);
        }
    }

    /// <summary>
    /// Reads the asked-for page on the server with the filters (and the trend once a project is known); true when it was
    /// read, false when a newer request won or the store failed.
    /// </summary>
    internal async Task<bool> LoadPageAsync(CancellationToken cancellationToken)
    {
        var filter = new ExperimentFilter(
            Project,
            SubmittedBy,
            _status,
            _dates?.Start is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
            _dates?.End is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)) : null,
            PageNumber: 1,
            _pageSize)
        {
            OlderThan = _at.OlderThan,
            NewerThan = _at.NewerThan,
            Oldest = _at.Oldest,
        };
        _loading = true;
        try
        {
            var page = await Queries.ListExperimentsAsync(filter, cancellationToken);
            _page = page;
            if (_trendProject is null && (Project ?? (page.Items.Count > 0 ? page.Items[0].Project : null) ?? (_projects.Count > 0 ? _projects[0] : null)) is { } project)
            {
                await LoadTrendAsync(project, cancellationToken);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"The experiments could not be read: {e.Message}";
            _page = NoRows;
            return false;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task<bool> ReloadAsync()
    {
        // A newer request (another filter or page) wins over one still running.
        if (_load is not null)
        {
            await _load.CancelAsync();
            _load.Dispose();
        }

        _load = new CancellationTokenSource();
        return await LoadPageAsync(_load.Token);
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

    private Task FirstPageAsync() => GoToAsync(new ExperimentFilter(), _ => HistoryPosition.Newest);

    private Task OlderPageAsync()
    {
        var shown = Rows.Count;
        return GoToAsync(new ExperimentFilter { OlderThan = ExperimentCursor.Of(Rows[^1]) }, next => _position.Older(shown, next));
    }

    private Task NewerPageAsync()
    {
        var shown = Rows.Count;
        return GoToAsync(
            new ExperimentFilter { NewerThan = ExperimentCursor.Of(Rows[0]) },
            next => _page.Newer is null ? HistoryPosition.Newest : _position.Newer(shown, next));
    }

    private Task OldestPageAsync() => GoToAsync(new ExperimentFilter { Oldest = true }, _ => HistoryPosition.Oldest);

    private async Task GoToAsync(ExperimentFilter at, Func<int, HistoryPosition> positionOfRows)
    {
        _at = at;
        if (await ReloadAsync())
        {
            _position = positionOfRows(Rows.Count);
        }
    }

    private Task PageSizeChangedAsync(int pageSize)
    {
        _pageSize = pageSize;
        return FirstPageAsync();
    }

    private async Task FilterAsync(Action change)
    {
        change();
        if (Project is not null && Project != _trendProject)
        {
            await LoadTrendAsync(Project, CancellationToken.None);
        }

        await FirstPageAsync();
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
