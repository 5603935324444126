namespace ImageLab.Core.Experiments;

/// <summary>The rules that tie iteration statuses to an experiment's status.</summary>
public static class StatusRules
{
    public static bool IsFinal(this IterationStatus status) =>
        status is IterationStatus.Succeeded or IterationStatus.Failed or IterationStatus.Canceled;

    public static bool IsFinal(this ExperimentStatus status) =>
        status is ExperimentStatus.Succeeded or ExperimentStatus.Failed or ExperimentStatus.Canceled;

    public static ExperimentStatus Combine(IEnumerable<IterationStatus> iterations)
    {
        var statuses = iterations.ToList();
        if (statuses.Count == 0 || statuses.All(s => s == IterationStatus.Queued))
        {
            return ExperimentStatus.Queued;
        }

        if (!statuses.All(IsFinal))
        {
            return ExperimentStatus.Running;
        }

        if (statuses.Contains(IterationStatus.Failed))
        {
            return ExperimentStatus.Failed;
        }

        return statuses.Contains(IterationStatus.Canceled) ? ExperimentStatus.Canceled : ExperimentStatus.Succeeded;
    }

    /// <summary>
    /// Size reduction of an image against the baseline, in percent (positive = smaller), rounded to one
    /// decimal; null when either size is unknown.
    /// </summary>
    public static double? ReductionPercent(long? baselineBytes, long? sizeBytes) =>
        baselineBytes is > 0 && sizeBytes is not null
            ? Math.Round((1 - ((double)sizeBytes.Value / baselineBytes.Value)) * 100, 1)
            : null;
}
