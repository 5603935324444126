using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImageLab.Data.Sqlite;

/// <summary>
/// Settings of every embedded-store connection: write-ahead logging (readers never wait for the writer; it sticks to the
/// file), <c>synchronous=NORMAL</c> (safe with WAL) and a busy timeout so that a writer waits for the one before it.
/// Foreign keys are switched on by the connection string.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static SqlitePragmas Instance { get; } = new();

    private static readonly string Pragmas = FormattableString.Invariant(
        $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
