using ImageLab.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Security;

/// <summary>
/// Makes "create the first user while there is none" one step across every process on one database. Call it first in a
/// transaction, then check for users and create one: on PostgreSQL it takes a transaction-scoped advisory lock (so a
/// second process's check waits until the first's user is committed); on the embedded store the transaction itself
/// holds SQLite's write lock (Microsoft.Data.Sqlite begins transactions IMMEDIATE), and nothing more is needed.
/// </summary>
public static class FirstUserLock
{
    // Experiments' event locks use keys 0..int.MaxValue in the same namespace: a negative key never meets them.
    private const int Key = -1;

    public static async Task TakeAsync(ImageLabDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The first-user lock is held by a transaction: begin one first.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresEventNotifier.LockNamespace}, {Key})", cancellationToken);
        }
    }
}
