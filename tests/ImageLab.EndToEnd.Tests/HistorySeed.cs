using Npgsql;

namespace ImageLab.EndToEnd.Tests;

/// <summary>Fills a migrated ImageLab database with many finished experiments in one statement each, for the history benchmark.</summary>
public static class HistorySeed
{
    public static async Task SeedAsync(string connectionString, int experiments, int iterationsEach = 3)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string[] statements =
        [
            "INSERT INTO projects (name, created_at) SELECT 'service-' || g, now() FROM generate_series(1, 12) g ON CONFLICT DO NOTHING",
            $$"""
            INSERT INTO experiments (project_id, name, submitted_by, created_at, status, builder, build_args, context_size_bytes, images_removed)
            SELECT p.id, 'seeded experiment ' || g, 'dev-' || (g % 9), now() - make_interval(mins => g),
                   CASE WHEN g % 17 = 0 THEN 'Failed' WHEN g % 29 = 0 THEN 'Canceled' ELSE 'Succeeded' END, 'BuildKit', '{}', 4096, true
            FROM generate_series(1, {{experiments}}) g
            JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM projects WHERE name LIKE 'service-%') p ON p.n = g % 12
            """,
            $$"""
            INSERT INTO iterations (experiment_id, ordinal, name, dockerfile_path, dockerfile_text, builder, status, size_bytes, build_seconds,
                                    total_steps, completed_steps, cached_steps, queued_at, started_at, finished_at, attempt, cancel_requested)
            SELECT e.id, o, 'step-' || o, 'Dockerfile.step-' || o, 'FROM scratch', 'BuildKit', 'Succeeded',
                   (1200000000 / (o * o)) + (e.id % 5000000), 12.5, 6, 6, 2, e.created_at, e.created_at, e.created_at + interval '20 seconds', 1, false
            FROM experiments e CROSS JOIN generate_series(1, {{iterationsEach}}) o
            WHERE e.name LIKE 'seeded experiment %'
            """,
            "ANALYZE",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
            await command.ExecuteNonQueryAsync();
        }
    }
}
