namespace ImageLab.Data.Analysis;

/// <summary>Whether an iteration's layer analysis can be served, and if not, why (see <see cref="AnalysisState"/>).</summary>
public enum AnalysisAvailability
{
    Available,

    /// <summary>There is no such iteration.</summary>
    NoIteration,

    /// <summary>The iteration has not been analyzed: it is still building, failed to build, or the analysis has not run yet.</summary>
    NotAnalyzed,

    /// <summary>The analysis ran and failed; the sentence says why.</summary>
    Failed,

    /// <summary>Retention removed the analysis' files, waste findings and package data; its totals stay.</summary>
    RemovedByRetention,
}
