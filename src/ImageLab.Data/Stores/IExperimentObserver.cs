namespace ImageLab.Data.Stores;

/// <summary>
/// Told synchronously after a submission or a cancel was stored, so the worker in the same process can
/// react at once instead of at its next poll.
/// </summary>
public interface IExperimentObserver
{
    void Submitted(long experimentId);

    /// <summary>An iteration (a suggestion) was appended, queued, to an existing experiment.</summary>
    void IterationAppended(long experimentId, long iterationId);

    /// <param name="experimentId">The experiment.</param>
    /// <param name="iterationId">The one iteration cancelled, or null for the whole experiment.</param>
    /// <param name="canceledBeforeStart">Iterations that were still queued and are now Canceled.</param>
    void CancelRequested(long experimentId, long? iterationId, IReadOnlyList<long> canceledBeforeStart);
}
