namespace ImageLab.Core.Experiments;

/// <summary>Reads experiments for the pages and the REST API.</summary>
public interface IExperimentQueries
{
    /// <summary>The experiment with iterations and layers, or null when there is none with that id.</summary>
    Task<ExperimentDetails?> GetExperimentAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Experiments newest first, filtered and paged on the server (by number, or by keyset position at any depth); the
    /// total is counted up to 10,000 and is a lower bound past that (<see cref="Page{T}.TotalIsLowerBound"/>).
    /// </summary>
    Task<Page<ExperimentSummary>> ListExperimentsAsync(ExperimentFilter filter, CancellationToken cancellationToken);

    /// <summary>Every project name, alphabetically.</summary>
    Task<IReadOnlyList<string>> ListProjectsAsync(CancellationToken cancellationToken);

    /// <summary>Every submitter name, alphabetically (the first 1,000).</summary>
    Task<IReadOnlyList<string>> ListSubmittersAsync(CancellationToken cancellationToken);

    /// <summary>The final iteration's size of each succeeded experiment of a project, oldest first.</summary>
    Task<IReadOnlyList<TrendPoint>> GetTrendAsync(string project, int maxPoints, CancellationToken cancellationToken);

    /// <summary>An iteration's whole log, line by line, in order; null when the iteration does not exist.</summary>
    Task<IAsyncEnumerable<string>?> OpenLogAsync(long experimentId, long iterationId, CancellationToken cancellationToken);

    /// <summary>Iterations of other experiments of the same project that succeeded, for cross-experiment comparison.</summary>
    Task<IReadOnlyList<IterationReference>> ListComparableIterationsAsync(string project, CancellationToken cancellationToken);

    /// <summary>Iterations not yet ended (queued or building) of one submitter's experiments, and of one project's.</summary>
    Task<WaitingIterations> CountWaitingIterationsAsync(string submittedBy, string project, CancellationToken cancellationToken);
}
