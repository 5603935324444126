using System.ComponentModel.DataAnnotations;

namespace ImageLab.Data.Hosting;

/// <summary>The <c>Database</c> section (the connection string itself is <c>ConnectionStrings:ImageLab</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Apply pending migrations at start. For PostgreSQL it defaults to true in Development, false elsewhere; the
    /// embedded SQLite store always migrates at start unless this is explicitly false.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Largest build context accepted, in bytes (default 200 MB).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Database:MaxContextBytes must be a positive number of bytes.")]
    public long MaxContextBytes { get; set; } = 200_000_000;

    /// <summary>
    /// Folder of the embedded SQLite store (<c>imagelab.db</c>), used when <c>ConnectionStrings:ImageLab</c> is not set;
    /// created if missing. Default: <c>ImageLab</c> in the user's local application data (<c>~/.local/share/ImageLab</c>
    /// on Linux).
    /// </summary>
    public string? DataDirectory { get; set; }
}
