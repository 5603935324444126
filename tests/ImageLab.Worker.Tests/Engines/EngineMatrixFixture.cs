using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using ImageLab.Testing;
using ImageLab.Worker.Tests.Analysis;

namespace ImageLab.Worker.Tests.Engines;

/// <summary>
/// The <c>samples/shell-offline</c> ladder built through the real pipeline with both builders on every engine of the
/// matrix (<c>scripts/services.sh</c>: Docker 20.10, 26 and 28 with the containerd image store), each engine with a
/// fresh store, once for all the tests of the collection.
/// </summary>
public sealed class EngineMatrixFixture : IAsyncLifetime
{
    public static readonly string[] Dockerfiles = ["Dockerfile.1-naive", "Dockerfile.2-combined", "Dockerfile.3-multistage", "Dockerfile.4-busybox"];

    private readonly List<PipelineHarness> _harnesses = [];

    internal IReadOnlyList<EngineRun> Runs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var runs = new List<EngineRun>();
        foreach (var (name, endpoint) in TestEnvironment.Engines)
        {
            var info = await new DockerEngine(new DockerOptions { Endpoint = endpoint }).GetInfoAsync(CancellationToken.None);
            var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Docker:Endpoint"] = endpoint });
            _harnesses.Add(harness);
            var experiments = new Dictionary<BuilderKind, ExperimentDetails>();
            foreach (var builder in new[] { BuilderKind.Classic, BuilderKind.BuildKit })
            {
                experiments[builder] = await harness.BuildSampleAsync("shell-offline", "engine-matrix", builder, requestsNetwork: false, Dockerfiles);
            }

            runs.Add(new EngineRun(name, endpoint, info, harness, experiments));
        }

        Runs = runs;
    }

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }
    }

    /// <summary>One engine's builds of the ladder, by builder.</summary>
    internal sealed record EngineRun(
        string Name, string Endpoint, EngineInfo Info, PipelineHarness Harness, IReadOnlyDictionary<BuilderKind, ExperimentDetails> Experiments)
    {
        public IEnumerable<(BuilderKind Builder, IterationDetails Iteration)> Iterations =>
            Experiments.SelectMany(e => e.Value.Iterations.Select(i => (e.Key, i)));
    }
}
