using ImageLab.Data.Hosting;
using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImageLab.Data.Tests.Schema;

/// <summary>The README's first run: a connection string naming a database that does not exist yet.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task StartAsync_PostgreSqlDatabaseMissing_CreatesAndMigratesIt()
    {
        // Arrange
        await using var database = PostgresDatabase.NotYetCreated("imagelab_migrator");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ImageLab"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment())
            .AddLogging()
            .AddImageLabData(configuration);
        await using var provider = services.BuildServiceProvider();
        var migrator = provider.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single();

        // Act
        await migrator.StartAsync(CancellationToken.None);

        // Assert
        await using var db = await provider.GetRequiredService<IDbContextFactory<ImageLabDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Experiments.CountAsync());
    }
}
