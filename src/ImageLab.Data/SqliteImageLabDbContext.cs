using ImageLab.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data;

/// <summary>
/// The embedded store: the same model on SQLite, with its own migrations in <c>Migrations/Sqlite</c>. SQLite cannot
/// compare or order <see cref="DateTimeOffset"/> columns, so they are stored as UTC ticks; PostgreSQL-only column
/// types (<c>jsonb</c>, <c>bytea</c>) become SQLite's own. A model change needs a migration here too:
/// <c>dotnet ef migrations add NAME --project src/ImageLab.Data --startup-project src/ImageLab.Data --context SqliteImageLabDbContext --output-dir Migrations/Sqlite</c>.
/// </summary>
public sealed class SqliteImageLabDbContext(DbContextOptions<SqliteImageLabDbContext> options) : ImageLabDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetColumnType() is "jsonb" or "bytea")
            {
                property.SetColumnType(null);
            }

            foreach (var annotation in property.GetAnnotations().Where(a => a.Name.StartsWith("Npgsql:", StringComparison.Ordinal)).ToList())
            {
                property.RemoveAnnotation(annotation.Name);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
