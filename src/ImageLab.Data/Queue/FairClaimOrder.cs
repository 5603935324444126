namespace ImageLab.Data.Queue;

/// <summary>
/// Which queued iteration a worker claims next, the same on every store: round-robin across submitters. The submitter
/// served longest ago goes first (one never served while the queue waits, first of all), so that a member who queues
/// twenty iterations and another who then queues one see the second member's iteration claimed next, not twenty-first;
/// within a submitter, and between submitters never served, the oldest queued first, and a ladder in its order.
/// "Served" counts claims since the oldest waiting iteration was queued, so the order reads only the queue's own time.
/// </summary>
internal static class FairClaimOrder
{
    /// <summary>
    /// A query of the claimable iterations' ids (as <c>"Value"</c>), best first, without parameters; <c>i</c> is the
    /// iterations table (for <c>FOR UPDATE OF i</c>). Add <c>LIMIT 1</c>.
    /// </summary>
    public const string ClaimableIterationsSql = """
        WITH served AS (
            SELECT f.submitted_by, max(j.started_at) AS last_claim
            FROM iterations j JOIN experiments f ON f.id = j.experiment_id
            WHERE j.started_at >= (SELECT min(queued_at) FROM iterations WHERE status = 'Queued')
            GROUP BY f.submitted_by)
        SELECT i.id AS "Value"
        FROM iterations i
            JOIN experiments e ON e.id = i.experiment_id
            LEFT JOIN served s ON s.submitted_by = e.submitted_by
        WHERE i.status = 'Queued' AND NOT i.cancel_requested
        ORDER BY s.last_claim NULLS FIRST, i.queued_at, i.experiment_id, i.ordinal
        """;
}
