namespace ImageLab.Data.Hosting;

public enum DataStoreKind
{
    /// <summary>The team store, shared by any number of web and worker processes.</summary>
    PostgreSql,

    /// <summary>The embedded default: a file in <c>Database:DataDirectory</c>, for one process (role all).</summary>
    Sqlite,
}
