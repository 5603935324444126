using ImageLab.Data.Entities;
using ImageLab.Data.Security;
using ImageLab.Docker.Engine;
using ImageLab.Web.Authentication;

namespace ImageLab.Web.Api;

/// <summary><c>/api/engine</c>: ImageLab's disk use on the engine and pruning its build cache, for administrators.</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/engine").WithTags("Engine").RequireAuthorization(ImageLabPolicies.Admins);
        group.MapGet("/disk-usage", async (IDockerEngine engine, CancellationToken cancellationToken) =>
            Results.Ok(await engine.GetDiskUsageAsync(cancellationToken)));
        group.MapPost("/prune-build-cache", async (IDockerEngine engine, IAuditLog audit, HttpContext http, int? unusedForHours, CancellationToken cancellationToken) =>
        {
            if (unusedForHours is < 0)
            {
                return Problems.BadRequest("unusedForHours must be 0 or more: build cache unused for at least that many hours is pruned.");
            }

            var reclaimed = await engine.PruneBuildCacheAsync(TimeSpan.FromHours(unusedForHours ?? 24), cancellationToken);
            await audit.RecordAsync(http.User.Identity?.Name ?? "", AuditActions.BuildCachePruned, "engine build cache",
                $"unused for {unusedForHours ?? 24} h; {reclaimed} bytes reclaimed", cancellationToken);
            return Results.Ok(new { reclaimedBytes = reclaimed });
        });
        return endpoints;
    }
}
