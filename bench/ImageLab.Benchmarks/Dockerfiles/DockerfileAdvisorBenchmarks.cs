using BenchmarkDotNet.Attributes;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Benchmarks.Dockerfiles;

/// <summary>
/// Parse plus every advisor rule on a generated Dockerfile (target: under 5 ms for 500 lines).
/// Run: <c>dotnet run -c Release --project bench/ImageLab.Benchmarks -- --filter *Dockerfile* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class DockerfileAdvisorBenchmarks
{
    private static readonly DockerfileAdvisorOptions Options = new()
    {
        ContextFiles = [new DockerfileContextFile("api.py", 4_000), new DockerfileContextFile("models/model.bin", 2L << 30)],
    };

    private readonly DockerfileAdvisor _advisor = new();
    private string _dockerfile = "";

    [Params(500)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => _dockerfile = SyntheticDockerfile.Generate(Lines);

    [Benchmark(Description = "Parse")]
    public int Parse() => DockerfileParser.Parse(_dockerfile).Instructions.Count;

    [Benchmark(Description = "Parse + all rules")]
    public int ParseAndAdvise() => _advisor.Analyze(_dockerfile, Options).Findings.Count;
}
