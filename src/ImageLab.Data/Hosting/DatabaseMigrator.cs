using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Data.Hosting;

/// <summary>
/// Applies pending migrations before anything else starts, when <c>Database:MigrateOnStart</c> says so
/// (default: in Development). Elsewhere run <c>dotnet ef database update --project src/ImageLab.Data</c>.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<ImageLabDbContext> contexts,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(options.Value.MigrateOnStart ?? environment.IsDevelopment()))
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations.")]
    private static partial void LogMigrating(ILogger logger, int count);
}
