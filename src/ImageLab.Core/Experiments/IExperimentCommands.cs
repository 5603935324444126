namespace ImageLab.Core.Experiments;

/// <summary>Changes experiments: submit, cancel.</summary>
public interface IExperimentCommands
{
    /// <summary>
    /// Stores the experiment, its iterations (queued) and its build context (a tar stream, read once and
    /// stored as it is read), and returns the new experiment's id.
    /// </summary>
    Task<long> SubmitAsync(ExperimentSubmission submission, Stream contextTar, CancellationToken cancellationToken);

    /// <summary>Cancels every iteration that has not ended; false when the experiment does not exist.</summary>
    Task<bool> CancelExperimentAsync(long experimentId, CancellationToken cancellationToken);

    /// <summary>Cancels one iteration if it has not ended; false when it does not exist.</summary>
    Task<bool> CancelIterationAsync(long experimentId, long iterationId, CancellationToken cancellationToken);
}
