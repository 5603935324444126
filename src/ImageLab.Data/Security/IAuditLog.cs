using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;

namespace ImageLab.Data.Security;

/// <summary>The audit log: who did what to what, and when (see <see cref="AuditActions"/>).</summary>
public interface IAuditLog
{
    Task RecordAsync(string userName, string action, string target, string? details, CancellationToken cancellationToken);

    /// <summary>One page of the log, newest first.</summary>
    Task<Page<AuditEntryInfo>> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken);
}
