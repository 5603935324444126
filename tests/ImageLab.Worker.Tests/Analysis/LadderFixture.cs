using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Testing;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>
/// Two iterations of the sample ladder on the same slim base, built and analyzed once through the real pipeline:
/// <c>Dockerfile.2-slim</c> first (every layer read), then <c>Dockerfile.3-multistage</c> (the base from the cache).
/// </summary>
public class LadderFixture : IAsyncLifetime
{
    private PipelineHarness? _harness;

    internal PipelineHarness Harness => _harness ?? throw new InvalidOperationException("The fixture did not start.");

    public ExperimentDetails Experiment { get; private set; } = null!;

    public IReadOnlyList<StoredAnalysis> Analyses { get; private set; } = [];

    /// <summary>The store the ladder is kept in.</summary>
    protected virtual TestStoreKind Store => TestStoreKind.PostgreSql;

    public async Task InitializeAsync()
    {
        _harness = await PipelineHarness.StartAsync(store: Store);
        Experiment = await _harness.BuildLadderAsync("Dockerfile.2-slim", "Dockerfile.3-multistage");
        var analyses = new List<StoredAnalysis>();
        foreach (var iteration in Experiment.Iterations)
        {
            Assert.Equal(IterationStatus.Succeeded, iteration.Status);
            analyses.Add(await _harness.Analyses.GetAnalysisAsync(iteration.Id, CancellationToken.None)
                ?? throw new InvalidOperationException($"Iteration {iteration.Name} has no analysis."));
        }

        Analyses = analyses;
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
