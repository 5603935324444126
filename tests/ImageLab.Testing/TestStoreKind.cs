namespace ImageLab.Testing;

/// <summary>The stores ImageLab runs on; store-level and pipeline tests run on each.</summary>
public enum TestStoreKind
{
    /// <summary>A fresh database on the test PostgreSQL server.</summary>
    PostgreSql,

    /// <summary>The embedded store: a fresh data folder (nothing to install; SQLite is bundled).</summary>
    Sqlite,
}
