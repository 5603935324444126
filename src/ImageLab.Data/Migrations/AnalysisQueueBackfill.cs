namespace ImageLab.Data.Migrations;

/// <summary>
/// The AnalysisQueue migrations' data step, on both stores: every built iteration that has no analysis yet (it was
/// interrupted before the queue existed) waits in the analysis queue, so that it is analyzed once, as before.
/// </summary>
internal static class AnalysisQueueBackfill
{
    public static string Sql(string falseLiteral, string emptyJsonLiteral) => $"""
        INSERT INTO iteration_analyses (iteration_id, status, analyzed_at, duration_seconds, layers_analyzed, layers_from_cache,
            first_own_layer_index, compressed_size_estimated, file_count, uncompressed_size_bytes, compressed_size_bytes,
            content_bytes, wasted_bytes, wasted_percent, user_wasted_bytes, user_wasted_percent, dive_efficiency,
            dive_wasted_bytes, dive_user_wasted_percent, findings_json, warnings_json, attempt)
        SELECT i.id, 'Queued', i.finished_at, 0, 0, 0, 0, {falseLiteral}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, {emptyJsonLiteral}, {emptyJsonLiteral}, 0
        FROM iterations i JOIN experiments e ON e.id = i.experiment_id
        WHERE i.status = 'Succeeded' AND i.image_id IS NOT NULL AND i.finished_at IS NOT NULL AND NOT e.images_removed
            AND NOT EXISTS (SELECT 1 FROM iteration_analyses a WHERE a.iteration_id = i.id)
        """;
}
