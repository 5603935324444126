using ImageLab.Docker.Engine;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImageLab.Web.Components.Pages.Admin;

/// <summary>ImageLab's disk use on this process's engine and pruning its build cache, through <see cref="EngineMaintenance"/> as <c>/api/engine</c>.</summary>
public sealed partial class EnginePage
{
    private EngineDiskUsage? _usage;
    private string? _error;
    private string? _message;
    private int _unusedForHours = EngineMaintenance.DefaultUnusedForHours;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private EngineMaintenance Engine { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _usage = await Engine.GetDiskUsageAsync(CancellationToken.None);
        }
        catch (DockerEngineUnavailableException e)
        {
            _error = e.Message;
        }
    }

    private async Task PruneAsync()
    {
        _busy = true;
        try
        {
            var reclaimed = await Engine.PruneBuildCacheAsync(_unusedForHours, (await Authentication).User, CancellationToken.None);
            _message = $"Pruned the build cache unused for {_unusedForHours} hours: {reclaimed:N0} bytes reclaimed.";
            await LoadAsync();
        }
        catch (Exception e) when (e is DockerEngineUnavailableException or ActionRefusedException)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
