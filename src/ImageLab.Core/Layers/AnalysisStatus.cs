namespace ImageLab.Core.Layers;

/// <summary>Outcome of an iteration's layer analysis; the build's own status is separate and unaffected.</summary>
public enum AnalysisStatus
{
    Succeeded,
    Failed,

    /// <summary>Waiting in the analysis queue (or being analyzed under a lease): the build's results are stored, no analysis yet.</summary>
    Queued,
}
