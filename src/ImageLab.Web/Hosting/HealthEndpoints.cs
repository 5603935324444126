using ImageLab.Data;
using ImageLab.Data.Hosting;
using ImageLab.Docker.Engine;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Web.Hosting;

/// <summary>
/// <c>GET /healthz</c>: whether the engine and the database answer, as JSON: to anyone <c>{ "status": "healthy" }</c>
/// or <c>unhealthy</c> (with 503), and to a signed-in user each component with a sentence (engine versions and
/// endpoints, database errors are not for strangers). A process that runs no builds (<c>--role web</c>) does not need
/// the engine, so its health does not depend on it.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapImageLabHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (
            HttpContext http, IDockerEngine engine, IDbContextFactory<ImageLabDbContext> contexts, DataStore store, ProcessRole role, CancellationToken cancellationToken) =>
        {
            var engineCheck = role.RunsBuilds
                ? CheckEngineAsync(engine, cancellationToken)
                : Task.FromResult(new ComponentHealth(true, "This process runs no builds (--role web, or Worker:Enabled false); worker processes use their engines."));
            var checks = await Task.WhenAll(engineCheck, CheckDatabaseAsync(contexts, store, cancellationToken));
            var healthy = checks.All(c => c.Healthy);
            var status = healthy ? "healthy" : "unhealthy";
            object body = http.User.Identity?.IsAuthenticated == true
                ? new { status, engine = checks[0], database = checks[1] }
                : new { status };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return endpoints;
    }

    private static async Task<ComponentHealth> CheckEngineAsync(IDockerEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            var info = await engine.GetInfoAsync(cancellationToken);
            return new ComponentHealth(true, $"Docker {info.EngineVersion} (API {info.ApiVersion}, {info.Os}/{info.Architecture}, {info.StorageDriver}) at {info.Endpoint}.");
        }
        catch (DockerEngineUnavailableException e)
        {
            return new ComponentHealth(false, e.Message);
        }
    }

    private static async Task<ComponentHealth> CheckDatabaseAsync(IDbContextFactory<ImageLabDbContext> contexts, DataStore store, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return new ComponentHealth(true, store.IsEmbedded ? $"The embedded SQLite store {store.Location} answers." : "PostgreSQL answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ComponentHealth(false, $"The database does not answer: {e.Message}");
        }
    }
}
