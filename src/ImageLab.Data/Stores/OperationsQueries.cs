using ImageLab.Core.Experiments;
using ImageLab.Data.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.Stores;

/// <summary>What operators watch: the queue's depth (for metrics) and the database's size per table.</summary>
public sealed class OperationsQueries(IDbContextFactory<ImageLabDbContext> contexts, DataStore store)
{
    // Each table with its indexes and TOAST, in the schema ImageLab's tables live in.
    private const string PostgresTables = """
        SELECT c.relname AS "Name", pg_total_relation_size(c.oid) AS "Bytes"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
        """;

    // Microsoft.Data.Sqlite's e_sqlite3 is built without the dbstat table, so SQLite's tables are measured by their values.
    private const string SqliteTableNames = """
        SELECT name AS "Value" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
        """;

    /// <summary>
    /// The size of the database and of each table. PostgreSQL measures both; SQLite (whose build here has no <c>dbstat</c>
    /// table) measures the file, and each table is the sum of its values' lengths.
    /// </summary>
    public async Task<DatabaseSize> GetDatabaseSizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (store.IsEmbedded)
        {
            var total = await db.Database.SqlQueryRaw<long>("SELECT page_count * page_size AS \"Value\" FROM pragma_page_count(), pragma_page_size()").SingleAsync(cancellationToken);
            return new DatabaseSize(total, Largest(await MeasureSqliteTablesAsync(db, cancellationToken)),
                $"SQLite file {store.Location}: the file's pages (page_count × page_size); per table, the bytes of its stored values (indexes and page overhead not counted).");
        }

        var tables = Largest(await db.Database.SqlQueryRaw<TableSize>(PostgresTables).ToListAsync(cancellationToken));
        var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
        return new DatabaseSize(size, tables, "PostgreSQL: pg_database_size for the database; pg_total_relation_size per table (indexes and TOAST included).");
    }

    private static List<TableSize> Largest(IEnumerable<TableSize> tables) =>
        [.. tables.OrderByDescending(t => t.Bytes).ThenBy(t => t.Name, StringComparer.Ordinal)];

    // Each table's values, summed with length() (a blob's bytes, a text's characters, a number's digits): a full scan, which
    // the embedded store (one team's history on one machine) can afford on an admin's request.
    private static async Task<List<TableSize>> MeasureSqliteTablesAsync(ImageLabDbContext db, CancellationToken cancellationToken)
    {
        var sizes = new List<TableSize>();
        foreach (var table in await db.Database.SqlQueryRaw<string>(SqliteTableNames).ToListAsync(cancellationToken))
        {
            var columnsOfTable = "SELECT name AS \"Value\" FROM pragma_table_info('" + table.Replace("'", "''", StringComparison.Ordinal) + "')";
            var columns = await db.Database.SqlQueryRaw<string>(columnsOfTable).ToListAsync(cancellationToken);
            var sumOfValues = "SELECT COALESCE(SUM(" + string.Join(" + ", columns.Select(c => "COALESCE(length(" + Quote(c) + "), 0)")) + "), 0) AS \"Value\" FROM " + Quote(table);
            var bytes = await db.Database.SqlQueryRaw<long>(sumOfValues).SingleAsync(cancellationToken);
            sizes.Add(new TableSize(table, bytes));
        }

        return sizes;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async Task<QueueDepth> GetQueueDepthAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Iterations.AsNoTracking()
            .Where(i => i.Status == IterationStatus.Queued || i.Status == IterationStatus.Building || i.Status == IterationStatus.Measuring)
            .GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return new QueueDepth(
            counts.Where(c => c.Status == IterationStatus.Queued).Sum(c => c.Count),
            counts.Where(c => c.Status != IterationStatus.Queued).Sum(c => c.Count));
    }
}
