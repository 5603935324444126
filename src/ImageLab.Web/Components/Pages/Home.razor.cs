using ImageLab.Core.Experiments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages;

/// <summary>The team's history: experiments newest first, filtered and paged on the server, and a size trend per project.</summary>
public partial class Home
{
    private const int TrendPoints = 60;
    private MudTable<ExperimentSummary>? _table;
    private IReadOnlyList<string> _projects = [];
    private IReadOnlyList<string> _submitters = [];
    private IReadOnlyList<TrendPoint> _trend = [];
    private string? _trendProject;
    private ExperimentStatus? _status;
    private DateRange? _dates;
    private string? _error;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "project")]
    public string? Project { get; set; }

    [SupplyParameterFromQuery(Name = "submittedBy")]
    public string? SubmittedBy { get; set; }

    private bool HasFilters => Project is not null || SubmittedBy is not null || _status is not null || _dates?.Start is not null || _dates?.End is not null;

    protected override async Task OnInitializedAsync()
    {
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
    }

    /// <summary>The history page the table asks for, read on the server with the filters.</summary>
    internal async Task<TableData<ExperimentSummary>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var filter = new ExperimentFilter(
            Project,
            SubmittedBy,
            _status,
            _dates?.Start is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from.Date, DateTimeKind.Utc)) : null,
            _dates?.End is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc)) : null,
            state.Page + 1,
            state.PageSize);
        try
        {
            var page = await Queries.ListExperimentsAsync(filter, cancellationToken);
            if (_trendProject is null && (Project ?? (page.Items.Count > 0 ? page.Items[0].Project : null) ?? (_projects.Count > 0 ? _projects[0] : null)) is { } project)
            {
                await LoadTrendAsync(project, cancellationToken);

                // The trend lives outside the table, which only re-renders itself.
                StateHasChanged();
            }

            return new TableData<ExperimentSummary> { Items = page.Items, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            _error = $"The experiments could not be read: {e.Message}";
            StateHasChanged();
            return new TableData<ExperimentSummary> { Items = [], TotalItems = 0 };
        }
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

    private async Task FilterAsync(Action change)
    {
        change();
        if (Project is not null && Project != _trendProject)
        {
            await LoadTrendAsync(Project, CancellationToken.None);
        }

        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private Task ClearFiltersAsync() => FilterAsync(() =>
    {
        Project = null;
        SubmittedBy = null;
        _status = null;
        _dates = null;
    });
}
