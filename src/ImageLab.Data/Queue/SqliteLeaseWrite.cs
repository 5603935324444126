using Microsoft.EntityFrameworkCore.Storage;

namespace ImageLab.Data.Queue;

/// <summary>
/// A lease write on the embedded SQLite store, for the build queue and the analysis queue alike. One process uses the
/// store, so its leases are stamped and compared on the process's clock; but the clock is read only once the write
/// transaction holds SQLite's one write lock (<c>BEGIN IMMEDIATE</c>, taken before any read): a time read before waiting
/// for the lock (up to the busy timeout) wrote a lease already shortened by the wait. PostgreSQL's queues, which several
/// processes share, stamp theirs with the statement's own <c>now()</c> instead.
/// </summary>
internal sealed class SqliteLeaseWrite : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;

    private SqliteLeaseWrite(IDbContextTransaction transaction, DateTimeOffset now)
    {
        _transaction = transaction;
        Now = now;
    }

    /// <summary>The time the write's leases are stamped and compared with, read once the write lock was held.</summary>
    public DateTimeOffset Now { get; }

    public static async Task<SqliteLeaseWrite> BeginAsync(ImageLabDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new SqliteLeaseWrite(transaction, clock.GetUtcNow());
    }

    /// <summary>The end of a lease of <paramref name="lease"/> taken or renewed by this write.</summary>
    public DateTimeOffset ExpiryOf(TimeSpan lease) => Now + lease;

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
