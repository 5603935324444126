using System.Globalization;
using System.Security.Claims;
using ImageLab.Core.Security;
using ImageLab.Data.Security;
using ImageLab.Docker.Engine;
using ImageLab.Web.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ImageLab.Web.UseCases;

/// <summary>
/// ImageLab's disk use on this process's engine and pruning its build cache, with its audit entry: the one place both
/// <c>/api/engine</c> and the engine page call.
/// </summary>
public sealed class EngineMaintenance(IDockerEngine engine, IAuditLog audit, IAuthorizationService authorization, ICallerAuthorization current)
{
    /// <summary>Build cache unused for this many hours is pruned unless the caller says otherwise.</summary>
    public const int DefaultUnusedForHours = 24;

    /// <summary>What ImageLab's images and the build cache take on the engine.</summary>
    /// <exception cref="DockerEngineUnavailableException">The engine does not answer.</exception>
    public Task<EngineDiskUsage> GetDiskUsageAsync(CancellationToken cancellationToken) => engine.GetDiskUsageAsync(cancellationToken);

    /// <summary>Prunes the build cache unused for at least <paramref name="unusedForHours"/> hours, records who did it, and returns the bytes reclaimed.</summary>
    /// <exception cref="ActionRefusedException">A negative age, or a caller who is not an administrator.</exception>
    /// <exception cref="DockerEngineUnavailableException">The engine does not answer.</exception>
    public async Task<long> PruneBuildCacheAsync(int unusedForHours, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (unusedForHours < 0)
        {
            throw new ActionRefusedException(Refusal.Invalid, "unusedForHours must be 0 or more: build cache unused for at least that many hours is pruned.");
        }

        await Callers.DemandAsync(authorization, current, caller, ImageLabPolicies.Admins, ICallerAuthorization.Admins, "prune the engine's build cache", cancellationToken);
        var reclaimed = await engine.PruneBuildCacheAsync(TimeSpan.FromHours(unusedForHours), cancellationToken);
        await audit.RecordAsync(Callers.NameOf(caller), AuditActions.BuildCachePruned, "engine build cache",
            string.Create(CultureInfo.InvariantCulture, $"unused for {unusedForHours} h; {reclaimed} bytes reclaimed"), cancellationToken);
        return reclaimed;
    }
}
