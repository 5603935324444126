using ImageLab.Core.Advice;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
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
        var iterations = new List<IterationDetails>(experiment.Iterations.Count);
        foreach (var iteration in experiment.Iterations)
        {
            var waste = await LoadWasteAsync(iteration, cancellationToken);
            iterations.Add(iteration with { Findings = MeasuredFindings.Analyze(iteration.DockerfileText, iteration.Layers, waste).Findings });
        }

        return experiment with { Iterations = iterations };
    }

    /// <summary>The experiment with each iteration's findings, lesson scorecard and proven savings, or <see langword="null"/> when there is none.</summary>
    public async Task<AdvisedExperiment?> GetAdviceAsync(long experimentId, CancellationToken cancellationToken)
    {
        if (await queries.GetExperimentAsync(experimentId, cancellationToken) is not { } experiment)
        {
            return null;
        }

        var advice = new List<IterationAdvice>(experiment.Iterations.Count);
        foreach (var iteration in experiment.Iterations)
        {
            advice.Add(IterationAdvice.Create(iteration, await LoadWasteAsync(iteration, cancellationToken), experiment.Iterations));
        }

        return new AdvisedExperiment(experiment, advice);
    }

    /// <summary>The waste the layer analysis measured in the iteration's image, by <c>docker history</c> row; empty before analysis.</summary>
    private async Task<IReadOnlyList<LayerWaste>> LoadWasteAsync(IterationDetails iteration, CancellationToken cancellationToken)
    {
        if (iteration.Layers.Count == 0
            || await analyses.GetAnalysisAsync(iteration.Id, cancellationToken) is not { Status: AnalysisStatus.Succeeded } analysis)
        {
            return [];
        }

        // The analyzer numbers the image's layer tars; findings are tied to history rows through HistoryIndex.
        var historyIndex = analysis.Layers.Where(l => l.HistoryIndex is not null).ToDictionary(l => l.Index, l => l.HistoryIndex!.Value);
        return analysis.Findings
            .Where(f => historyIndex.ContainsKey(f.LayerIndex))
            .Select(f => new LayerWaste(historyIndex[f.LayerIndex], f.PatternId, f.Bytes))
            .ToList();
    }
}
