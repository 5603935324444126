using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data.Security;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>An audit log in memory, so that a component test can see what a page recorded.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    private readonly List<AuditEntryInfo> _entries = [];

    public IReadOnlyList<AuditEntryInfo> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public Task RecordAsync(string userName, string action, string target, string? details, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.Add(new AuditEntryInfo(_entries.Count + 1, DateTimeOffset.UtcNow, userName, action, target, details));
        }

        return Task.CompletedTask;
    }

    public Task<Page<AuditEntryInfo>> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var all = Entries.Reverse().ToList();
        return Task.FromResult(new Page<AuditEntryInfo>([.. all.Skip((pageNumber - 1) * pageSize).Take(pageSize)], pageNumber, pageSize, all.Count));
    }
}
