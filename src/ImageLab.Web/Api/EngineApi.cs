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
        {
            try
            {
                return Results.Ok(await engine.GetDiskUsageAsync(cancellationToken));
            }
            catch (DockerEngineUnavailableException e)
            {
                return Problems.EngineUnavailable(e);
            }
        }).Produces<EngineDiskUsage>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
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
            catch (DockerEngineUnavailableException e)
            {
                return Problems.EngineUnavailable(e);
            }
        }).Produces<BuildCachePruneResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
