using System.Security.Claims;
using ImageLab.Core.Experiments;
using ImageLab.Data.Hosting;
using ImageLab.Web.Hosting;
using ImageLab.Web.Intake;
using ImageLab.Web.Services;
using ImageLab.Web.UseCases;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ImageLab.Web.Components.Pages.Experiments;

/// <summary>
/// Upload a context (files, a folder or an archive), edit and order the Dockerfiles, choose project,
/// builder and build args, see every problem in words before sending, then go to the live page.
/// </summary>
public sealed partial class NewExperiment : IAsyncDisposable
{
    private const int MaxFiles = 10_000;
    private const string FolderModule = "./assets/folder-drop.js";
    private readonly ExperimentDraft _draft = new();
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<string> _projects = [];
    private IReadOnlyList<DraftProblem> _problems = [];
    private ClaimsPrincipal _user = new();
    private InputFile? _folderInput;
    private ElementReference _dropZone;
    private IJSObjectReference? _module;
    private int _leftOut;
    private bool _attempted;
    private bool _busy;
    private bool _submitting;
    private bool _dragging;
    private bool _showAllFiles;
    private string? _busyText;
    private string? _submitError;
    private bool _mayUseNetwork;

    [Inject]
    private ExperimentIntake Intake { get; set; } = default!;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Inject]
    private SampleLibrary Samples { get; set; } = default!;

    [Inject]
    private IOptions<DatabaseOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IOptions<SecurityOptions> Security { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    /// <summary><c>?sample=python-offline</c> loads that sample at once (the history's empty state links here).</summary>
    [SupplyParameterFromQuery(Name = "sample")]
    public string? Sample { get; set; }

    private long MaxBytes => Options.Value.MaxContextBytes;

    protected override async Task OnInitializedAsync()
    {
        // The submitter is the signed-in user; the network switch is open to the roles Security:NetworkRoles names.
        var user = _user = (await Authentication).User;
        _draft.SubmittedBy = user.Identity?.Name ?? "";
        _mayUseNetwork = Security.Value.MayUseNetwork(user);
        try
        {
            _projects = await Queries.ListProjectsAsync(_stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _submitError = $"The existing projects could not be listed ({e.Message}); you can still type a project name.";
        }

        if (Sample is { Length: > 0 } sample)
        {
            await LoadSampleAsync(sample);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Folders dropped on the zone go to the folder input with their paths (a module: no inline script under the CSP).
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", _stop.Token, FolderModule);
                if (_module is not null && _folderInput?.Element is { } folderInput)
                {
                    await _module.InvokeVoidAsync("attach", _stop.Token, _dropZone, folderInput);
                }
            }
            catch (JSException)
            {
            }
        }
    }

    protected override void OnParametersSet() => Revalidate();

    protected override bool ShouldRender()
    {
        Revalidate();
        return true;
    }

    private void Revalidate() => _problems = _draft.Validate(MaxBytes);

    // Before the first attempt to send, only problems inside the Dockerfiles show; afterwards, all of them.
    private IEnumerable<string> ProblemsFor(string field) =>
        _problems.Where(p => p.Field == field && (_attempted || field.StartsWith("iteration:", StringComparison.Ordinal) || field.StartsWith("buildArg:", StringComparison.Ordinal)))
            .Select(p => p.Message);

    private Task TrySampleAsync() => LoadSampleAsync(SampleLibrary.DefaultSample);

    private async Task LoadSampleAsync(string name)
    {
        await RunBusyAsync("Loading the sample…", async () =>
        {
            if (Samples.List().All(s => s.Name != name))
            {
                throw new SubmissionRejectedException($"There is no built-in sample called '{name}'.");
            }

            await Samples.LoadAsync(name, _draft, MaxBytes, _stop.Token);
            foreach (var iteration in _draft.Iterations.Skip(1))
            {
                iteration.Expanded = false;
            }
        });
    }

    private async Task OnFilesAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var files = e.GetMultipleFiles(MaxFiles);
        await RunBusyAsync($"Reading {files.Count} file{(files.Count == 1 ? "" : "s")}…", async () =>
        {
            if (files.Count == 1 && ExperimentDraft.IsArchive(files[0].Name))
            {
                await using var stream = files[0].OpenReadStream(MaxBytes, _stop.Token);
                await _draft.SetArchiveAsync(files[0].Name, stream, MaxBytes, _stop.Token);
                return;
            }

            foreach (var file in files)
            {
                await using var stream = file.OpenReadStream(MaxBytes, _stop.Token);
                await _draft.AddFileAsync(file.Name, stream, MaxBytes, _stop.Token);
            }
        });
    }

    private async Task OnFolderAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var files = e.GetMultipleFiles(MaxFiles);
        await RunBusyAsync($"Reading {files.Count} files…", async () =>
        {
            // Blazor gives file names only; the module knows each file's path inside the folder (chosen or dropped).
            var paths = _module is not null && _folderInput?.Element is { } input
                ? await _module.InvokeAsync<string[]>("contextPaths", _stop.Token, input) ?? []
                : [];
            var folder = files.Select((file, i) => new FolderFile(
                i < paths.Length && paths[i].Length > 0 ? paths[i] : file.Name,
                file.Size,
                token => file.OpenReadStream(MaxBytes, token))).ToList();
            _leftOut = await _draft.AddFolderAsync(folder, MaxBytes, _stop.Token);
        });
    }

    private async Task RunBusyAsync(string text, Func<Task> work)
    {
        _busy = true;
        _busyText = text;
        _submitError = null;
        StateHasChanged();
        try
        {
            await work();
        }
        catch (SubmissionRejectedException e)
        {
            _submitError = e.Message;
        }
        catch (UploadTooLargeException e)
        {
            _submitError = e.Message;
        }
        catch (IOException e)
        {
            _submitError = $"A file could not be read: {e.Message}";
        }
        finally
        {
            _busy = false;
            _busyText = null;
        }
    }

    private void AddIteration()
    {
        var iteration = _draft.AddIteration(_draft.NextIterationName(), "");
        iteration.Expanded = true;
    }

    private static void Rename(IterationDraft iteration, string? name) => iteration.Name = (name ?? "").Trim();

    private void ClearContext()
    {
        _draft.ClearContext();
        _leftOut = 0;
        _attempted = false;
    }

    private Task<IEnumerable<string>> SearchProjectsAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? _projects
            : _projects.Where(p => p.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private async Task SubmitAsync()
    {
        _attempted = true;
        Revalidate();
        if (_problems.Count > 0)
        {
            return;
        }

        _busy = _submitting = true;
        _submitError = null;
        long id;
        try
        {
            if (_draft.RequestsNetwork && !_mayUseNetwork)
            {
                _submitError = $"Your role may not give builds network (Security:NetworkRoles: {Security.Value.NetworkRoles}); turn the network switch off.";
                return;
            }

            id = await Intake.SubmitAsync(_draft.ToRequest(), _user, _stop.Token);
        }
        catch (Exception e) when (e is SubmissionRejectedException or ActionRefusedException)
        {
            _submitError = e.Message;
            return;
        }
        catch (UploadTooLargeException e)
        {
            _submitError = e.Message;
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _submitError = $"The experiment could not be stored: {e.Message}";
            return;
        }
        finally
        {
            _busy = _submitting = false;
        }

        Navigation.NavigateTo($"/experiments/{id}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _draft.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
