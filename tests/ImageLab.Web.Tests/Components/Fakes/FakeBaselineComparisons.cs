using ImageLab.Core.Contracts;
using ImageLab.Web.UseCases;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>Baseline pairs a test sets per experiment; any other experiment is refused as having no baseline.</summary>
public sealed class FakeBaselineComparisons : IBaselineComparisons
{
    public const string NoBaseline = "Experiment 7 has no baseline: no earlier succeeded experiment of ladder is labelled branch=main.";

    private readonly Dictionary<long, BaselineComparison> _comparisons = [];

    public void Set(BaselineComparison comparison) => _comparisons[comparison.ExperimentId] = comparison;

    public Task<BaselineComparison> FindAsync(long experimentId, CancellationToken cancellationToken) =>
        _comparisons.TryGetValue(experimentId, out var comparison)
            ? Task.FromResult(comparison)
            : Task.FromException<BaselineComparison>(new ActionRefusedException(Refusal.NotFound, NoBaseline));
}
