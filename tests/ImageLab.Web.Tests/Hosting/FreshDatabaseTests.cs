using ImageLab.Testing;
using Npgsql;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>The first run on an empty PostgreSQL database, as an operator starts it: migrations apply and nothing is logged as an error.</summary>
public sealed class FreshDatabaseTests
{
    [Fact]
    public async Task UsersAdd_EmptyDatabase_MigratesWithoutLoggingAnError()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();

        // Act
        var (exitCode, output, error) = await AppProcess.RunUsersCommandAsync(database.ConnectionString, ["add", "first", "--role", "admin", "--token"]);

        // Assert
        Assert.True(exitCode == 0, error);
        Assert.StartsWith("il_", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppStart_EmptyDatabase_MigratesWithoutLoggingAnError()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();

        // Act
        await using var app = await AppProcess.StartAsync(database.ConnectionString, withAdmin: false);

        // Assert
        Assert.True(await AppliedMigrationsAsync(database) > 0);
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
    }

    private static async Task<long> AppliedMigrationsAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
