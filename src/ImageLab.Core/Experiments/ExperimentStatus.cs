namespace ImageLab.Core.Experiments;

/// <summary>An experiment's status, derived from its iterations.</summary>
public enum ExperimentStatus
{
    /// <summary>No iteration has started yet.</summary>
    Queued,

    /// <summary>At least one iteration is building or measuring, or some are done and others wait.</summary>
    Running,

    /// <summary>Every iteration succeeded.</summary>
    Succeeded,

    /// <summary>Every iteration ended and at least one failed.</summary>
    Failed,

    /// <summary>Every iteration ended and at least one was cancelled (none failed).</summary>
    Canceled,
}
