using System.Security.Claims;
using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Web.Authentication;
using ImageLab.Web.Components.Controls;
using ImageLab.Web.Live;
using ImageLab.Web.UseCases;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Experiments;

/// <summary>
/// One experiment, live: a snapshot from the store, then every event from sequence 0 (so a reload or a
/// second browser shows the same), applied in batches every 100 ms; the watch ends with the page.
/// </summary>
public sealed partial class ExperimentPage : IAsyncDisposable
{
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource _stop = new();
    private bool _isBuilder;
    private ClaimsPrincipal _user = new();

    [Inject]
    private ExperimentActions Actions { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IterationSuggestions Suggestions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;
    private ExperimentLiveState? _state;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private long? _selectedId;
    private bool _userSelected;
    private LogViewer? _logViewer;
    private bool _notFound;
    private bool _cancelling;
    private long? _suggestingFrom;
    private string? _loadError;
    private string? _liveError;
    private string? _actionError;
    private int _tab;
    private DateTimeOffset _now;
    private long _watching = -1;
    private Task? _watch;
    private Task? _ticker;
    private int _refreshing;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Inject]
    private IBuildEventFeed Feed { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    private IterationLiveState? Selected => _selectedId is { } id ? _state?.Find(id) : null;

    private string ReportHref(string format) => $"/api/experiments/{Id}/report?format={format}&baseline=auto";

    private string BuilderName => _state?.Experiment.Iterations is [var first, ..] && first.Builder == BuilderKind.Classic ? "classic builder" : "BuildKit";

    private string? RunningBadge => _state?.Iterations.Count(i => !i.Status.IsFinal()) is > 0 and var n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Viewers see no cancel buttons: the cards show one only when there is something to call.</summary>
    private EventCallback<IterationLiveState> CancelIteration =>
        _isBuilder ? EventCallback.Factory.Create<IterationLiveState>(this, CancelIterationAsync) : default;

    /// <summary>Viewers see no suggestion action either: asking for one queues a build.</summary>
    private EventCallback<IterationLiveState> SuggestFrom =>
        _isBuilder ? EventCallback.Factory.Create<IterationLiveState>(this, SuggestAsync) : default;

    private IterationDetails? SourceOf(IterationLiveState iteration) =>
        iteration.Details.SuggestedFrom is { } sourceId ? _state?.Find(sourceId)?.Details : null;

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        _isBuilder = (await Authorization.AuthorizeAsync(_user, ImageLabPolicies.Builders)).Succeeded;
    }

    protected override async Task OnParametersSetAsync()
    {
        _now = Clock.GetUtcNow();
        if (Navigation.Uri.Contains("/compare", StringComparison.Ordinal))
        {
            _tab = 1;
        }

        if (_watching == Id)
        {
            return;
        }

        _watching = Id;
        _state = null;
        _notFound = false;
        _loadError = null;
        ExperimentDetails? experiment;
        try
        {
            experiment = await Queries.GetExperimentAsync(Id, _stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _loadError = $"Experiment {Id} could not be read: {e.Message}";
            return;
        }

        if (experiment is null)
        {
            _notFound = true;
            return;
        }

        _state = new ExperimentLiveState(experiment);
        _breadcrumbs =
        [
            new BreadcrumbItem("Experiments", "/"),
            new BreadcrumbItem(experiment.Project, "/?project=" + Uri.EscapeDataString(experiment.Project)),
            new BreadcrumbItem(experiment.Name, null, disabled: true),
        ];
        if (experiment.Iterations.All(i => i.Status == IterationStatus.Succeeded) && experiment.Iterations.Count > 0 && !Navigation.Uri.Contains("/compare", StringComparison.Ordinal))
        {
            // A finished experiment opens on what people come back for.
            _tab = 1;
        }

        AutoSelect();
        _watch = WatchAsync(_state, _stop.Token);
        _ticker ??= TickAsync(_stop.Token);
    }

    private async Task WatchAsync(ExperimentLiveState state, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await EventBatcher.RunAsync(
                    Feed.WatchAsync(state.Experiment.Id, state.LastSequence, cancellationToken),
                    batch => InvokeAsync(() => ApplyAsync(state, batch)),
                    BatchInterval,
                    cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                await InvokeAsync(() =>
                {
                    _liveError = $"Live updates stopped ({e.Message}); reconnecting…";
                    StateHasChanged();
                });
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), Clock, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ApplyAsync(ExperimentLiveState state, IReadOnlyList<BuildEventMessage> batch)
    {
        if (!ReferenceEquals(state, _state))
        {
            return;
        }

        var refresh = state.Apply(batch);
        if (!refresh && _liveError is null && batch.All(message => message.Type == BuildEventType.Log))
        {
            // Most of a build's events are lines of its log: only the log viewer shows them, so only it renders.
            if (batch.Any(message => message.IterationId == _selectedId))
            {
                _logViewer?.Refresh();
            }

            return;
        }

        _liveError = null;
        _now = Clock.GetUtcNow();
        AutoSelect();
        StateHasChanged();
        if (refresh)
        {
            await RefreshAsync(state);
        }
    }

    // Sizes and layers are in the store, not in the events: read the experiment again when an iteration ends.
    private async Task RefreshAsync(ExperimentLiveState state)
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            if (await Queries.GetExperimentAsync(state.Experiment.Id, _stop.Token) is { } fresh)
            {
                state.ApplySnapshot(fresh);
                StateHasChanged();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _liveError = $"The latest sizes could not be read ({e.Message}); they will appear on the next update.";
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }

    // Elapsed times tick while something builds.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_state?.Iterations.Any(i => i.IsRunning) == true)
                {
                    await InvokeAsync(() =>
                    {
                        _now = Clock.GetUtcNow();
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Until the user picks one, the log shown is the one building now (else the last that ran).
    private void AutoSelect()
    {
        if (_state is null || (_userSelected && _selectedId is not null))
        {
            return;
        }

        var target = _state.Iterations.FirstOrDefault(i => i.IsRunning)
            ?? _state.Iterations.LastOrDefault(i => i.Status.IsFinal())
            ?? (_state.Iterations.Count > 0 ? _state.Iterations[0] : null);
        _selectedId = target?.Id;
    }

    private void Select(IterationLiveState iteration)
    {
        _userSelected = true;
        _selectedId = iteration.Id;
    }

    private async Task CancelExperimentAsync()
    {
        _cancelling = true;
        try
        {
            await Actions.CancelExperimentAsync(Id, _user, _stop.Token);
        }
        catch (ActionRefusedException e)
        {
            _actionError = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _actionError = $"The experiment could not be cancelled: {e.Message}";
        }
        finally
        {
            _cancelling = false;
        }
    }

    private async Task CancelIterationAsync(IterationLiveState iteration)
    {
        try
        {
            await Actions.CancelIterationAsync(Id, iteration.Id, _user, _stop.Token);
        }
        catch (ActionRefusedException e)
        {
            _actionError = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _actionError = $"{iteration.Details.Name} could not be cancelled: {e.Message}";
        }
    }

    // The new iteration shows at once on this page (read again from the store); other pages see it with its first event.
    private async Task SuggestAsync(IterationLiveState source)
    {
        _suggestingFrom = source.Id;
        try
        {
            var suggested = await Suggestions.SuggestAsync(Id, source.Id, _user, _stop.Token);
            if (_state is { } state && await Queries.GetExperimentAsync(Id, _stop.Token) is { } fresh)
            {
                state.ApplySnapshot(fresh);
            }

            if (_state?.Find(suggested.Id) is { } added)
            {
                Select(added);
            }

            Snackbar.Add(
                $"{suggested.Ordinal}. {suggested.Name} is queued: ImageLab builds it, then each of its {suggested.Transformations.Count} transformation"
                + $"{(suggested.Transformations.Count == 1 ? "" : "s")} alone on top of {source.Details.Name} to measure what it saves.",
                Severity.Success);
        }
        catch (ActionRefusedException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Snackbar.Add($"No suggestion could be made for {source.Details.Name}: {e.Message}", Severity.Error);
        }
        finally
        {
            _suggestingFrom = null;
        }
    }

    private async Task CopyPatchAsync(IterationDetails suggested)
    {
        try
        {
            var patch = await Suggestions.GetPatchAsync(Id, suggested.Id, _stop.Token);
            var copied = await JS.InvokeAsync<bool>("imageLab.copyText", _stop.Token, patch);
            Snackbar.Add(
                copied ? $"Patch copied: apply it to {suggested.Dockerfile} with git apply (or patch -p1)." : "The browser refused the clipboard: use Download patch instead.",
                copied ? Severity.Success : Severity.Warning);
        }
        catch (ActionRefusedException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Snackbar.Add($"The patch could not be copied: {e.Message}", Severity.Error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var task in new[] { _watch, _ticker })
        {
            if (task is not null)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        _stop.Dispose();
    }
}
