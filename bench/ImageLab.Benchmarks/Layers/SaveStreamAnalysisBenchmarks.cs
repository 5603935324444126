using System.Formats.Tar;
using BenchmarkDotNet.Attributes;
using ImageLab.Core.Layers;

namespace ImageLab.Benchmarks.Layers;

/// <summary>
/// The analyzer against the floor: the same ~200 MB save stream read through plain TarReaders (outer archive and
/// every layer tar, content skipped). Run: <c>dotnet run -c Release --project bench/ImageLab.Benchmarks -- --filter *SaveStreamAnalysis*</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SaveStreamAnalysisBenchmarks
{
    private static readonly ImageAnalysisOptions WithoutCompression = new() { EstimateCompressedSize = false };
    private byte[] _save = [];

    [Params(200)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup() => _save = SyntheticSaveStream.Generate(Megabytes);

    [Benchmark(Baseline = true, Description = "TarReader floor")]
    public async Task<long> TarReaderFloor()
    {
        long entries = 0;
        var outer = new TarReader(new ForwardOnlyStream(_save));
        await using (outer.ConfigureAwait(false))
        {
            while (await outer.GetNextEntryAsync().ConfigureAwait(false) is { } entry)
            {
                if (entry.Name.EndsWith("/layer.tar", StringComparison.Ordinal) && entry.DataStream is { } layer)
                {
                    var inner = new TarReader(layer, leaveOpen: true);
                    await using (inner.ConfigureAwait(false))
                    {
                        while (await inner.GetNextEntryAsync().ConfigureAwait(false) is not null)
                        {
                            entries++;
                        }
                    }
                }
            }
        }

        return entries;
    }

    [Benchmark(Description = "Analyzer, no push-size estimate")]
    public async Task<long> AnalyzeWithoutCompression()
    {
        var result = await new ImageSaveAnalyzer(WithoutCompression).AnalyzeAsync(new ForwardOnlyStream(_save)).ConfigureAwait(false);
        return result.GetAnalysisOrThrow().WastedBytes;
    }

    [Benchmark(Description = "Analyzer, gzip level 6 push-size estimate")]
    public async Task<long> AnalyzeWithCompression()
    {
        var result = await new ImageSaveAnalyzer().AnalyzeAsync(new ForwardOnlyStream(_save)).ConfigureAwait(false);
        return result.GetAnalysisOrThrow().CompressedSizeBytes;
    }
}
