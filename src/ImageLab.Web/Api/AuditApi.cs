using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Api;

/// <summary><c>GET /api/audit</c>: the audit log, newest first, paged; for admins (see <see cref="AuditTrail"/>).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", async (AuditTrail audit, int? page, int? pageSize, CancellationToken cancellationToken) =>
        {
            if (Paging.Check(page, pageSize, AuditLog.MaxPageSize) is { } problem)
            {
                return Problems.BadRequest(problem);
            }

            try
            {
                return Results.Ok(await audit.ListAsync(page ?? 1, pageSize ?? AuditTrail.DefaultPageSize, cancellationToken));
            }
            catch (ActionRefusedException e)
            {
                return Problems.Refused(e);
            }
        }).WithTags("Audit").RequireAuthorization(ImageLabPolicies.Admins)
            .Produces<Page<AuditEntryInfo>>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}
