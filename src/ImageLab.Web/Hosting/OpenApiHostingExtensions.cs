namespace ImageLab.Web.Hosting;

/// <summary>
/// The REST API's OpenAPI document at <c>/openapi/v1.json</c>, built by ASP.NET Core from the endpoints' declared answers,
/// with the bearer scheme that API tokens use. Only <c>/api/...</c> is described; like the API, the document needs a signed-in
/// user or a token.
/// </summary>
public static class OpenApiHostingExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddImageLabOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });
        return services;
    }

    public static WebApplication MapImageLabOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        return app;
    }
}
