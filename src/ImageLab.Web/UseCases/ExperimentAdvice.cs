using ImageLab.Core.Advice;
using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;

namespace ImageLab.Web.UseCases;

/// <summary>
/// The Dockerfile advisor's findings for an experiment's iterations, measured against each iteration's layers and,
/// where the layer analysis has run, against the waste it found (pip cache, toolchain...): the one place the experiment
/// API, the report and the advice page get them.
/// </summary>
public sealed class ExperimentAdvice(IExperimentQueries queries, AnalysisStore analyses)
{
    /// <summary>The experiment with <see cref="IterationDetails.Findings"/> filled for every iteration, or <see langword="null"/> when there is none.</summary>
    public async Task<ExperimentDetails?> GetWithFindingsAsync(long experimentId, CancellationToken cancellationToken) =>
        await queries.GetExperimentAsync(experimentId, cancellationToken) is { } experiment
            ? await AddFindingsAsync(experiment, cancellationToken)
            : null;

    /// <summary>The experiment with <see cref="IterationDetails.Findings"/> filled for every iteration.</summary>
    public async Task<ExperimentDetails> AddFindingsAsync(ExperimentDetails experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var waste = await LoadWasteAsync(experiment, cancellationToken);
        return experiment with
        {
            Iterations = [.. experiment.Iterations.Select(i => i with { Findings = MeasuredFindings.Analyze(i.DockerfileText, i.Layers, waste(i)).Findings })],
        };
    }

    /// <summary>The experiment with each iteration's findings, lesson scorecard and proven savings, or <see langword="null"/> when there is none.</summary>
    public async Task<AdvisedExperiment?> GetAdviceAsync(long experimentId, CancellationToken cancellationToken)
    {
        if (await queries.GetExperimentAsync(experimentId, cancellationToken) is not { } experiment)
        {
            return null;
        }

        var waste = await LoadWasteAsync(experiment, cancellationToken);
        return new AdvisedExperiment(experiment, [.. experiment.Iterations.Select(i => IterationAdvice.Create(i, waste(i), experiment.Iterations))]);
    }

    /// <summary>The waste the layer analysis measured in each iteration's image, by <c>docker history</c> row; empty before analysis.</summary>
    private async Task<Func<IterationDetails, IReadOnlyList<LayerWaste>>> LoadWasteAsync(ExperimentDetails experiment, CancellationToken cancellationToken)
    {
        var built = experiment.Iterations.Where(i => i.Layers.Count > 0).Select(i => i.Id).ToList();
        var waste = built.Count == 0 ? new Dictionary<long, IReadOnlyList<LayerWaste>>() : await analyses.LoadWasteByHistoryRowAsync(built, cancellationToken);
        return iteration => waste.GetValueOrDefault(iteration.Id) ?? [];
    }
}
