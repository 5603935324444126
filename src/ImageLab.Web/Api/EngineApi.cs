using ImageLab.Docker.Engine;

namespace ImageLab.Web.Api;

/// <summary><c>/api/engine</c>: ImageLab's disk use on the engine and pruning its build cache, for administrators.</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/engine").WithTags("Engine");
        group.MapGet("/disk-usage", async (IDockerEngine engine, CancellationToken cancellationToken) =>
            Results.Ok(await engine.GetDiskUsageAsync(cancellationToken)));
        group.MapPost("/prune-build-cache", async (IDockerEngine engine, int? unusedForHours, CancellationToken cancellationToken) =>
        {
            if (unusedForHours is < 0)
            {
                return Problems.BadRequest("unusedForHours must be 0 or more: build cache unused for at least that many hours is pruned.");
            }

            var reclaimed = await engine.PruneBuildCacheAsync(TimeSpan.FromHours(unusedForHours ?? 24), cancellationToken);
            return Results.Ok(new { reclaimedBytes = reclaimed });
        });
        return endpoints;
    }
}
