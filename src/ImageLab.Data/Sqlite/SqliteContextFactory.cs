using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Sqlite;

/// <summary>Hands out the embedded store's pooled contexts to everything that asks for <see cref="ImageLabDbContext"/>.</summary>
internal sealed class SqliteContextFactory(IDbContextFactory<SqliteImageLabDbContext> contexts) : IDbContextFactory<ImageLabDbContext>
{
    public ImageLabDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<ImageLabDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
