namespace ImageLab.Testing;

/// <summary>
/// A fresh, empty store for one fixture, given to the app the way a user would choose it: a PostgreSQL connection
/// string, or none and a data folder for the embedded SQLite store. Removed on dispose.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly PostgresDatabase? _database;

    private TestStore(TestStoreKind kind, PostgresDatabase? database, string? dataDirectory)
    {
        Kind = kind;
        _database = database;
        DataDirectory = dataDirectory;
    }

    public TestStoreKind Kind { get; }

    /// <summary>The PostgreSQL connection string; null for the embedded store.</summary>
    public string? ConnectionString => _database?.ConnectionString;

    /// <summary>The embedded store's folder (<c>Database:DataDirectory</c>); null for PostgreSQL.</summary>
    public string? DataDirectory { get; }

    /// <summary>The configuration that selects this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Kind == TestStoreKind.PostgreSql
        ? new Dictionary<string, string?> { ["ConnectionStrings:ImageLab"] = ConnectionString }
        : new Dictionary<string, string?> { ["Database:DataDirectory"] = DataDirectory };

    public static Task<TestStore> PostgreSqlAsync(string prefix = "imagelab_test") => CreateAsync(TestStoreKind.PostgreSql, prefix);

    public static Task<TestStore> SqliteAsync(string prefix = "imagelab_test") => CreateAsync(TestStoreKind.Sqlite, prefix);

    public static async Task<TestStore> CreateAsync(TestStoreKind kind, string prefix = "imagelab_test")
    {
        if (kind == TestStoreKind.PostgreSql)
        {
            return new TestStore(kind, await PostgresDatabase.CreateAsync(prefix), null);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}_{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new TestStore(kind, null, folder);
    }

    public override string ToString() => Kind.ToString();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (DataDirectory is not null && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
