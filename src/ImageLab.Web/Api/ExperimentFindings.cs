using ImageLab.Core.Advice;
using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Data.Entities;

namespace ImageLab.Web.Api;

/// <summary>
/// Adds the Dockerfile advisor's findings to each iteration of an experiment, measured against the iteration's
/// layers and, where the layer analysis has run, against the waste it found (pip cache, toolchain...).
/// </summary>
public static class ExperimentFindings
{
    /// <summary>The experiment with <see cref="IterationDetails.Findings"/> filled for every iteration.</summary>
    public static async Task<ExperimentDetails> AddAsync(ExperimentDetails experiment, AnalysisStore analyses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var iterations = new List<IterationDetails>(experiment.Iterations.Count);
        foreach (var iteration in experiment.Iterations)
        {
            var waste = await LoadWasteAsync(analyses, iteration, cancellationToken);
            iterations.Add(iteration with { Findings = MeasuredFindings.Analyze(iteration.DockerfileText, iteration.Layers, waste).Findings });
        }

        return experiment with { Iterations = iterations };
    }

    /// <summary>The waste the layer analysis measured in the iteration's image, by <c>docker history</c> row; empty before analysis.</summary>
    public static async Task<IReadOnlyList<LayerWaste>> LoadWasteAsync(AnalysisStore analyses, IterationDetails iteration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(iteration);
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
