using System.ComponentModel.DataAnnotations;

namespace ImageLab.Data.Hosting;

/// <summary>The <c>Database</c> section (the connection string itself is <c>ConnectionStrings:ImageLab</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations at start. Defaults to true in Development, false elsewhere.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Largest build context accepted, in bytes (default 200 MB).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Database:MaxContextBytes must be a positive number of bytes.")]
    public long MaxContextBytes { get; set; } = 200L * 1024 * 1024;
}
