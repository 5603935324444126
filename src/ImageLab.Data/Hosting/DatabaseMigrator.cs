using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Data.Hosting;

/// <summary>
/// Says which store this process uses and applies pending migrations before anything else starts, when
/// <c>Database:MigrateOnStart</c> says so (default: always for the embedded SQLite store, in Development for
/// PostgreSQL). Elsewhere run <c>dotnet ef database update --project src/ImageLab.Data --context ImageLabDbContext</c>.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<ImageLabDbContext> contexts,
    DataStore store,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.IsEmbedded)
        {
            LogEmbeddedStore(logger, store.Location);
        }
        else
        {
            LogPostgreSql(logger, store.Location);
        }

        if (!(options.Value.MigrateOnStart ?? (store.IsEmbedded || environment.IsDevelopment())))
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await CreateDatabaseIfMissingAsync(db, cancellationToken);
        await CreateHistoryTableAsync(db, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Migrate would create a missing database itself, but the history table below is created first, on a connection to
    // that database: without this a connection string naming a new database stops the first start.
    private async Task CreateDatabaseIfMissingAsync(ImageLabDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            LogCreatingDatabase(logger, store.Location);
            await creator.CreateAsync(cancellationToken);
        }
    }

    // EF reads the history table before it creates it and logs the failure, on every fresh database, as an error
    // (dotnet/efcore#37328; the provider's own existence check reads it the same way). Creating the empty table first
    // (CREATE TABLE IF NOT EXISTS, as the migrator itself runs) keeps an expected first start out of the error log.
    private static Task<bool> CreateHistoryTableAsync(ImageLabDbContext db, CancellationToken cancellationToken) =>
        db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the embedded SQLite store {Path} (one process; set ConnectionStrings:ImageLab to use PostgreSQL).")]
    private static partial void LogEmbeddedStore(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using PostgreSQL {Location}.")]
    private static partial void LogPostgreSql(ILogger logger, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating {Location}: it does not exist yet.")]
    private static partial void LogCreatingDatabase(ILogger logger, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations.")]
    private static partial void LogMigrating(ILogger logger, int count);
}
