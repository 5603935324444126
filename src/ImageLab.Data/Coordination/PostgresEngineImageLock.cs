using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ImageLab.Data.Coordination;

/// <summary>
/// The engine's lock as a session-level advisory lock of PostgreSQL, on a connection of its own for as long as it is
/// held: shared for builds, exclusive for removals. PostgreSQL queues a shared request behind a waiting exclusive one,
/// so a removal that waits is not starved by a stream of builds. A connection that dies releases its lock.
/// </summary>
internal sealed class PostgresEngineImageLock(IDbContextFactory<ImageLabDbContext> contexts) : IEngineImageLock
{
    // The first key of the two-key advisory lock ("IE"), apart from the experiments' event locks ("IL").
    private const int LockNamespace = 0x4945;

    public Task<IAsyncDisposable> EnterBuildAsync(string engineId, CancellationToken cancellationToken) =>
        HoldAsync(engineId, "pg_advisory_lock_shared", "pg_advisory_unlock_shared", cancellationToken)!;

    public Task<IAsyncDisposable?> TryEnterRemovalAsync(string engineId, CancellationToken cancellationToken) =>
        HoldAsync(engineId, "pg_try_advisory_lock", "pg_advisory_unlock", cancellationToken);

    public async Task<IAsyncDisposable> EnterRemovalAsync(string engineId, CancellationToken cancellationToken) =>
        (await HoldAsync(engineId, "pg_advisory_lock", "pg_advisory_unlock", cancellationToken))!;

    // The lock function answers void when it waits and a boolean when it tries: anything but false means held.
    private async Task<IAsyncDisposable?> HoldAsync(string engineId, string lockFunction, string unlockFunction, CancellationToken cancellationToken)
    {
        var key = KeyOf(engineId);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT {lockFunction}($1, $2)::text", connection)
            {
                Parameters = { new() { Value = LockNamespace }, new() { Value = key } },
            };
            if (await command.ExecuteScalarAsync(cancellationToken) is "false")
            {
                await db.DisposeAsync();
                return null;
            }

            return new Held(db, connection, $"SELECT {unlockFunction}({LockNamespace}, {key})");
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static int KeyOf(string engineId) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(engineId)), 0);

    private sealed class Held(ImageLabDbContext db, NpgsqlConnection connection, string unlock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Pooled connections are reset only when next used: the lock must be given back now.
                await using var command = new NpgsqlCommand(unlock, connection);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its locks with it.
            }
            finally
            {
                await connection.CloseAsync();
                await db.DisposeAsync();
            }
        }
    }
}
