using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Which two iterations measure an experiment against its baseline experiment (<c>auto</c>, see
/// <see cref="BaselineChooser"/>): the one place the experiment page and <c>GET /api/compare?experiment=</c> find them.
/// </summary>
public sealed class BaselineComparisons(IExperimentQueries queries, BaselineChooser baselines) : IBaselineComparisons
{
    /// <summary>The experiment's final iteration and its baseline's matching one.</summary>
    /// <exception cref="ActionRefusedException">No such experiment, no baseline, or no succeeded iteration in either (<see cref="Refusal.NotFound"/>, with a sentence that says which).</exception>
    public async Task<BaselineComparison> FindAsync(long experimentId, CancellationToken cancellationToken)
    {
        if (await queries.GetExperimentAsync(experimentId, cancellationToken) is not { } experiment)
        {
            throw new ActionRefusedException(Refusal.NotFound, $"There is no experiment {experimentId}.");
        }

        var (baselineId, reason) = await baselines.ChooseAsync(experiment, "auto", cancellationToken);
        if (baselineId is not { } id || await queries.GetExperimentAsync(id, cancellationToken) is not { } baseline)
        {
            throw new ActionRefusedException(Refusal.NotFound, baselines.NoBaseline(experiment));
        }

        if (ReportBuilder.FinalPair(experiment, baseline) is not var (final, comparedWith))
        {
            throw new ActionRefusedException(
                Refusal.NotFound,
                $"Experiment {experiment.Id} and its baseline, experiment {baseline.Id} “{baseline.Name}”, need a built iteration each to be compared.");
        }

        return new BaselineComparison(experiment.Id, baseline.Id, baseline.Name, reason, final.Id, final.Name, comparedWith.Id, comparedWith.Name);
    }
}
