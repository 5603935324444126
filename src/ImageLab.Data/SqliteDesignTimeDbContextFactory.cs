using ImageLab.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ImageLab.Data;

/// <summary>Lets <c>dotnet ef ... --context SqliteImageLabDbContext</c> create the embedded store's context.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteImageLabDbContext>
{
    public SqliteImageLabDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteImageLabDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, Path.Combine(Path.GetTempPath(), "imagelab-design.db"));
        return new SqliteImageLabDbContext(options.Options);
    }
}
