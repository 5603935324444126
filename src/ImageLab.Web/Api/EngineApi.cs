using ImageLab.Core.Contracts;
using ImageLab.Docker.Engine;
using ImageLab.Web.Authentication;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Api;

/// <summary><c>/api/engine</c>: ImageLab's disk use on the engine and pruning its build cache, for administrators (see <see cref="EngineMaintenance"/>).</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/engine").WithTags("Engine").RequireAuthorization(ImageLabPolicies.Admins);
        group.MapGet("/disk-usage", async (EngineMaintenance engine, CancellationToken cancellationToken) =>
            Results.Ok(await engine.GetDiskUsageAsync(cancellationToken))).Produces<EngineDiskUsage>();
        group.MapPost("/prune-build-cache", async (EngineMaintenance engine, HttpContext http, int? unusedForHours, CancellationToken cancellationToken) =>
        {
            try
            {
                var reclaimed = await engine.PruneBuildCacheAsync(unusedForHours ?? EngineMaintenance.DefaultUnusedForHours, http.User, cancellationToken);
                return Results.Ok(new BuildCachePruneResponse(reclaimed));
            }
            catch (ActionRefusedException e)
            {
                return Problems.Refused(e);
            }
        }).Produces<BuildCachePruneResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}
