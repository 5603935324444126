using ImageLab.Core.Experiments;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;

namespace ImageLab.Web.Api;

/// <summary><c>GET /api/audit</c>: the audit log, newest first, paged; for admins.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", async (IAuditLog audit, int? page, int? pageSize, CancellationToken cancellationToken) =>
        {
            if (page is < 1 || pageSize is < 1 or > AuditLog.MaxPageSize)
            {
                return Problems.BadRequest($"page starts at 1 and pageSize is between 1 and {AuditLog.MaxPageSize}.");
            }

            return Results.Ok(await audit.ListAsync(page ?? 1, pageSize ?? 50, cancellationToken));
        }).WithTags("Audit").RequireAuthorization(ImageLabPolicies.Admins)
            .Produces<Page<AuditEntryInfo>>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}
