using Npgsql;

namespace ImageLab.Testing;

/// <summary>A fresh, uniquely named database on the test PostgreSQL server, dropped on dispose.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A unique name on the test server that no database has yet: for code that must create it.</summary>
    public static PostgresDatabase NotYetCreated(string prefix = "imagelab_test") =>
        new(TestEnvironment.PostgresConnectionString, $"{prefix}_{Guid.NewGuid():N}"[..40]);

    public static async Task<PostgresDatabase> CreateAsync(string prefix = "imagelab_test")
    {
        var database = NotYetCreated(prefix);
        await using var connection = new NpgsqlConnection(database._serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
