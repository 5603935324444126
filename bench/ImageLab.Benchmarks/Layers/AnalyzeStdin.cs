using System.Diagnostics;
using System.Globalization;
using ImageLab.Core.Layers;

namespace ImageLab.Benchmarks.Layers;

/// <summary>
/// <c>analyze-stdin [--no-estimate] [--level N] [--threads N]</c>: analyzes a <c>docker save</c> stream from standard input as the
/// pipeline does (no cache) and prints one line of results; bench/layer-analysis.sh times it against <c>tar -t</c>.
/// </summary>
internal static class AnalyzeStdin
{
    public static async Task<int> RunAsync(string[] args)
    {
        var estimate = !args.Contains("--no-estimate");
        var levelAt = Array.IndexOf(args, "--level");
        var threadsAt = Array.IndexOf(args, "--threads");
        var threads = threadsAt >= 0 ? int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) : 0;
        var level = levelAt >= 0 ? int.Parse(args[levelAt + 1], CultureInfo.InvariantCulture) : GzipCompressedSizeEstimator.DefaultLevel;
        var stopwatch = Stopwatch.StartNew();
        await using var input = Console.OpenStandardInput();
        var result = await new ImageSaveAnalyzer(new ImageAnalysisOptions
        {
            EstimateCompressedSize = estimate,
            CompressedSizeEstimator = new GzipCompressedSizeEstimator(level, maxDegreeOfParallelism: threads),
        }).AnalyzeAsync(input);
        if (result.Analysis is not { } analysis)
        {
            await Console.Error.WriteLineAsync(result.FailureReason);
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layers={analysis.Layers.Count} files={analysis.Tree.FileCount} content={analysis.ContentBytes} compressed={analysis.CompressedSizeBytes} " +
            $"wasted={analysis.WastedBytes} seconds={stopwatch.Elapsed.TotalSeconds:0.00} managedPeakMB={GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:0}"));
        return 0;
    }
}
