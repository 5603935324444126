using ImageLab.Data.Tests.Infrastructure;
using ImageLab.Testing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Tests.Schema;

/// <summary>Each store's own migrations build its whole model, the data-protection key ring's table included.</summary>
public abstract class SchemaTests(TestStoreKind store) : IAsyncLifetime
{
    private readonly DataFixture _data = new(store);

    public Task InitializeAsync() => _data.InitializeAsync();

    public Task DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Migrations_FreshStore_CoverTheModelAndKeepDataProtectionKeys()
    {
        // Arrange
        await using var db = await _data.Contexts.CreateDbContextAsync();
        var key = new DataProtectionKey { FriendlyName = "key-0f6e", Xml = "<key id=\"0f6e\" version=\"1\" />" };

        // Act
        var pendingModelChanges = db.Database.HasPendingModelChanges();
        db.DataProtectionKeys.Add(key);
        await db.SaveChangesAsync();
        await using var other = await _data.Contexts.CreateDbContextAsync();
        var stored = await other.DataProtectionKeys.SingleAsync();

        // Assert
        Assert.False(pendingModelChanges, $"The {store} model has changes that no migration of {db.GetType().Name} covers.");
        Assert.Equal((key.FriendlyName, key.Xml), (stored.FriendlyName, stored.Xml));
    }

    public sealed class OnPostgreSql() : SchemaTests(TestStoreKind.PostgreSql);

    public sealed class OnSqlite() : SchemaTests(TestStoreKind.Sqlite);
}
