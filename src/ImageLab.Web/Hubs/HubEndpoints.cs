namespace ImageLab.Web.Hubs;

public static class HubEndpoints
{
    public const string BuildsPath = "/hubs/builds";

    public static IEndpointRouteBuilder MapBuildsHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<BuildsHub>(BuildsPath).RequireAuthorization();
        return endpoints;
    }
}
