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
            if (Paging.Check(page, pageSize, AuditLog.MaxPageSize) is { } problem)
            {
                return Problems.BadRequest(problem);
            }

            return Results.Ok(await audit.ListAsync(page ?? 1, pageSize ?? 50, cancellationToken));
        }).WithTags("Audit").RequireAuthorization(ImageLabPolicies.Admins);
        return endpoints;
    }
}
