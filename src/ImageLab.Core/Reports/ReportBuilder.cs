using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Reports;

/// <summary>
/// Builds an <see cref="ExperimentReport"/> from an experiment (with its iterations' findings, as the REST API serves
/// it) and, optionally, the baseline experiment to compare with.
/// </summary>
public sealed class ReportBuilder
{
    /// <summary>How many findings the report lists.</summary>
    public int MaxFindings { get; init; } = 5;

    public ExperimentReport Build(ExperimentDetails experiment, ExperimentDetails? baseline, string? baselineReason, Uri? experimentUrl)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var first = experiment.Iterations.Count > 0 ? experiment.Iterations[0] : null;
        var rows = experiment.Iterations.Select(iteration =>
        {
            var baselineSize = baseline is null ? null : MatchIn(baseline, iteration)?.SizeBytes;
            return new IterationReportRow
            {
                IterationId = iteration.Id,
                Ordinal = iteration.Ordinal,
                Name = iteration.Name,
                Status = iteration.Status,
                SizeBytes = iteration.SizeBytes,
                CompressedSizeBytes = iteration.CompressedSizeBytes,
                ReductionPercent = ReferenceEquals(iteration, first) ? null : StatusRules.ReductionPercent(first?.SizeBytes, iteration.SizeBytes),
                BaselineSizeBytes = baselineSize,
                ChangeFromBaselinePercent = ChangePercent(baselineSize, iteration.SizeBytes),
                Efficiency = iteration.Efficiency,
                WastedBytes = iteration.WastedBytes,
                BuildSeconds = iteration.BuildSeconds,
                LargestOwnLayer = LargestOwnLayer(iteration),
                Error = iteration.Error,
            };
        }).ToList();

        return new ExperimentReport
        {
            ExperimentId = experiment.Id,
            Name = experiment.Name,
            Project = experiment.Project,
            Status = experiment.Status,
            CreatedAt = experiment.CreatedAt,
            Url = experimentUrl,
            Baseline = baseline is null ? null : new ReportBaseline(baseline.Id, baseline.Name, baseline.CreatedAt, baselineReason),
            Iterations = rows,
            TopFindings = TopFindings(experiment),
            MeasuredOn = MeasuredOn.Describe(experiment.Iterations),
            AcrossEngines = MeasuredOn.AcrossEngines(baseline is null ? experiment.Iterations : [.. experiment.Iterations, .. baseline.Iterations]),
        };
    }

    /// <summary>
    /// The pairs whose size difference a report explains: each succeeded iteration with its baseline iteration, or,
    /// without a baseline, the last succeeded iteration with the first.
    /// </summary>
    public static IReadOnlyList<(IterationDetails Iteration, IterationDetails ComparedWith)> ComparedPairs(ExperimentDetails experiment, ExperimentDetails? baseline)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var succeeded = experiment.Iterations.Where(i => i.Status == IterationStatus.Succeeded).ToList();
        if (baseline is not null)
        {
            return [.. succeeded
                .Select(iteration => (Iteration: iteration, ComparedWith: MatchIn(baseline, iteration)))
                .Where(pair => pair.ComparedWith is { Status: IterationStatus.Succeeded })
                .Select(pair => (pair.Iteration, pair.ComparedWith!))];
        }
        return succeeded.Count >= 2 ? [(succeeded[^1], succeeded[0])] : [];
    }

    /// <summary>
    /// The pair an experiment is measured by against its baseline: its final succeeded iteration, and the baseline's
    /// iteration of the same name (else at the same position) when that succeeded, else the baseline's final succeeded
    /// one; null when either experiment has no succeeded iteration.
    /// </summary>
    public static (IterationDetails Iteration, IterationDetails ComparedWith)? FinalPair(ExperimentDetails experiment, ExperimentDetails baseline)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(baseline);
        var final = experiment.Iterations.LastOrDefault(i => i.Status == IterationStatus.Succeeded);
        var match = final is null ? null : MatchIn(baseline, final);
        var comparedWith = match is { Status: IterationStatus.Succeeded } ? match : baseline.Iterations.LastOrDefault(i => i.Status == IterationStatus.Succeeded);
        return final is not null && comparedWith is not null ? (final, comparedWith) : null;
    }

    /// <summary>Change from <paramref name="baselineBytes"/> to <paramref name="sizeBytes"/> in percent (positive = bigger), one decimal.</summary>
    public static double? ChangePercent(long? baselineBytes, long? sizeBytes) =>
        baselineBytes is > 0 && sizeBytes is not null
            ? Math.Round(((double)sizeBytes.Value / baselineBytes.Value - 1) * 100, 1)
            : null;

    // The iteration of the same name in the baseline, else the one at the same position.
    private static IterationDetails? MatchIn(ExperimentDetails baseline, IterationDetails iteration) =>
        baseline.Iterations.FirstOrDefault(i => string.Equals(i.Name, iteration.Name, StringComparison.Ordinal))
        ?? baseline.Iterations.FirstOrDefault(i => i.Ordinal == iteration.Ordinal);

    private static ReportLayer? LargestOwnLayer(IterationDetails iteration) =>
        iteration.Layers
            .Where(l => !l.FromBaseImage && !l.EmptyLayer)
            .OrderByDescending(l => l.SizeBytes)
            .Select(l => new ReportLayer(l.Index, l.Instruction ?? l.CreatedBy, l.Line, l.SizeBytes))
            .FirstOrDefault();

    private List<ReportFinding> TopFindings(ExperimentDetails experiment) =>
        experiment.Iterations
            .SelectMany(i => i.Findings.Select(f => (Iteration: i, Finding: f)))
            .Where(x => x.Finding.BytesAtStake is > 0 || x.Finding.Severity >= FindingSeverity.Warning)
            .OrderByDescending(x => x.Finding.BytesAtStake ?? -1)
            .ThenByDescending(x => x.Finding.Severity)
            .ThenBy(x => x.Iteration.Ordinal)
            .ThenBy(x => x.Finding.Line)
            .Take(MaxFindings)
            .Select(x => new ReportFinding(x.Iteration.Name, x.Finding.RuleId, x.Finding.Severity, x.Finding.Line, x.Finding.Message, x.Finding.BytesAtStake,
                ProvenSavings.ByRule(x.Iteration, experiment.Iterations).GetValueOrDefault(x.Finding.RuleId)?.SavedBytes))
            .ToList();
}
