using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Security;

/// <summary>The audit log in the database. Append-only; read by admins newest first.</summary>
public sealed class AuditLog(IDbContextFactory<ImageLabDbContext> contexts, TimeProvider clock) : IAuditLog
{
    public const int MaxPageSize = 200;

    public async Task RecordAsync(string userName, string action, string target, string? details, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = Truncate(userName, 256),
            Action = Truncate(action, 64),
            Target = Truncate(target, 300),
            Details = details is null ? null : Truncate(details, 2000),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Page<AuditEntryInfo>> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        pageNumber = Math.Max(1, pageNumber);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditEntries.LongCountAsync(cancellationToken);
        var items = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(pageNumber, pageSize)).Take(pageSize)
            .Select(a => new AuditEntryInfo(a.Id, a.At, a.UserName, a.Action, a.Target, a.Details))
            .ToListAsync(cancellationToken);
        return new Page<AuditEntryInfo>(items, pageNumber, pageSize, total);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
