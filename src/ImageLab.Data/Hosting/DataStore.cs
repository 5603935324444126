namespace ImageLab.Data.Hosting;

/// <summary>Which store this process uses, and where it is: chosen by whether <c>ConnectionStrings:ImageLab</c> is set.</summary>
/// <param name="Kind">PostgreSQL (the team store) or the embedded SQLite store.</param>
/// <param name="Location">The database file for SQLite; host and database for PostgreSQL (never the password).</param>
public sealed record DataStore(DataStoreKind Kind, string Location)
{
    public bool IsEmbedded => Kind == DataStoreKind.Sqlite;

    /// <summary>A sentence for the start-up log and the health page.</summary>
    public string Describe() => Kind == DataStoreKind.Sqlite
        ? $"Using the embedded SQLite store {Location} (one process; set ConnectionStrings:ImageLab to use PostgreSQL)."
        : $"Using PostgreSQL {Location}.";
}
