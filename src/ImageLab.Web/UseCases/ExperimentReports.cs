using ImageLab.Core.Experiments;
using ImageLab.Core.Reports;

namespace ImageLab.Web.UseCases;

/// <summary>
/// An experiment's report with its baseline (chosen by <see cref="BaselineChooser"/>): the one place the report API
/// (which the CLI and the dashboard's download use) gets it.
/// </summary>
public sealed class ExperimentReports(
    IExperimentQueries queries,
    ExperimentAdvice advice,
    IterationAnalyses analyses,
    BaselineChooser baselines)
{
    /// <summary>How many causes of size changes a report lists.</summary>
    public const int MaxSizeCauses = 5;

    /// <summary>The report of <paramref name="experimentId"/> against <paramref name="baseline"/>, linking to <paramref name="experimentPage"/>.</summary>
    /// <exception cref="ActionRefusedException">No such experiment or baseline, a baseline that is neither an id nor <c>auto</c>, or a bad <c>Baselines:Label</c>.</exception>
    public async Task<ExperimentReport> BuildAsync(long experimentId, string? baseline, Uri? experimentPage, CancellationToken cancellationToken)
    {
        if (await queries.GetExperimentAsync(experimentId, cancellationToken) is not { } experiment)
        {
            throw new ActionRefusedException(Refusal.NotFound, $"There is no experiment {experimentId}.");
        }

        var (baselineId, reason) = await baselines.ChooseAsync(experiment, baseline, cancellationToken);
        ExperimentDetails? baselineExperiment = null;
        if (baselineId is { } other && (baselineExperiment = await queries.GetExperimentAsync(other, cancellationToken)) is null)
        {
            throw new ActionRefusedException(Refusal.NotFound, $"There is no baseline experiment {other}.");
        }

        var withFindings = await advice.AddFindingsAsync(experiment, cancellationToken);
        var report = new ReportBuilder().Build(withFindings, baselineExperiment, reason, experimentPage);
        return report with
        {
            SizeCauses = await SizeCausesAsync(experiment, baselineExperiment, cancellationToken),
            NoBaseline = baselineId is null && reason is not null ? baselines.NoBaseline(experiment) : null,
        };
    }

    private async Task<IReadOnlyList<ReportSizeCause>> SizeCausesAsync(
        ExperimentDetails experiment, ExperimentDetails? baseline, CancellationToken cancellationToken)
    {
        var causes = new List<ReportSizeCause>();
        foreach (var (iteration, comparedWith) in ReportBuilder.ComparedPairs(experiment, baseline))
        {
            if (await analyses.TryBlameAsync(comparedWith.Id, iteration.Id, cancellationToken) is not { } blame)
            {
                continue;
            }
            var against = baseline is null ? comparedWith.Name : $"baseline {comparedWith.Name}";
            causes.AddRange(blame.TopCauses(MaxSizeCauses).Select(cause => new ReportSizeCause(
                iteration.Name, against, cause.DeltaBytes, cause.Step, cause.Detail?.Subject, cause.Detail?.DeltaBytes)));
        }
        return [.. causes.OrderByDescending(cause => Math.Abs(cause.DeltaBytes)).Take(MaxSizeCauses)];
    }
}
