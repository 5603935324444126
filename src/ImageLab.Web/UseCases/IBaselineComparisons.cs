using ImageLab.Core.Contracts;

namespace ImageLab.Web.UseCases;

/// <summary>Which two iterations measure an experiment against its baseline experiment: the seam the comparison components read it through.</summary>
public interface IBaselineComparisons
{
    /// <summary>The experiment's final iteration and its baseline's matching one.</summary>
    /// <exception cref="ActionRefusedException">No such experiment, no baseline, or no succeeded iteration in either; the message says which in a sentence.</exception>
    Task<BaselineComparison> FindAsync(long experimentId, CancellationToken cancellationToken);
}
