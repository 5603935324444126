using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data.Security;

namespace ImageLab.Web.UseCases;

/// <summary>Reading the audit log page by page, newest first: the one place <c>GET /api/audit</c> and the audit page read it.</summary>
public sealed class AuditTrail(IAuditLog audit)
{
    public const int DefaultPageSize = 50;

    /// <summary>One page of the audit log.</summary>
    /// <exception cref="ActionRefusedException">A page before the first, or a page size out of range.</exception>
    public Task<Page<AuditEntryInfo>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        if (page < 1 || pageSize is < 1 or > AuditLog.MaxPageSize)
        {
            throw new ActionRefusedException(Refusal.Invalid, $"page starts at 1 and pageSize is between 1 and {AuditLog.MaxPageSize}.");
        }

        return audit.ListAsync(page, pageSize, cancellationToken);
    }
}
