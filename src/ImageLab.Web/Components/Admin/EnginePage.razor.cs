using ImageLab.Data.Entities;
using ImageLab.Data.Security;
using ImageLab.Docker.Engine;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ImageLab.Web.Components.Admin;

/// <summary>ImageLab's disk use on this process's engine (the same service as <c>GET /api/engine/disk-usage</c>) and pruning its build cache.</summary>
public sealed partial class EnginePage
{
    private EngineDiskUsage? _usage;
    private string? _error;
    private string? _message;
    private int _unusedForHours = 24;
    private bool _busy;

    [Inject]
    private ICallerAuthorization Callers { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private IDockerEngine Engine { get; set; } = default!;

    [Inject]
    private IAuditLog Audit { get; set; } = default!;

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
            var actor = (await Authentication).User.Identity?.Name ?? "";
            await Callers.EnsureAsync(actor, ICallerAuthorization.Admins, "prune the build cache", CancellationToken.None);
            var reclaimed = await Engine.PruneBuildCacheAsync(TimeSpan.FromHours(_unusedForHours), CancellationToken.None);
            await Audit.RecordAsync(actor, AuditActions.BuildCachePruned, "engine build cache", $"unused for {_unusedForHours} h; {reclaimed} bytes reclaimed", CancellationToken.None);
            _message = $"Pruned the build cache unused for {_unusedForHours} hours: {reclaimed:N0} bytes reclaimed.";
            await LoadAsync();
        }
        catch (Exception e) when (e is DockerEngineUnavailableException or CallerNotAllowedException)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
