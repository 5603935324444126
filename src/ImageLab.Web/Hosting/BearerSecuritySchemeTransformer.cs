using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImageLab.Web.Hosting;

/// <summary>Describes ImageLab's API and its bearer scheme (an API token from the account page) in the OpenAPI document.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "ImageLab API",
            Version = "v1",
            Description = "Submit Dockerfile experiments, follow their builds, read layer analyses and reports. "
                + "Every call sends an API token (create one on the account page) as 'Authorization: Bearer <token>'.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An ImageLab API token, created on the account page or with 'users token'.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
