using System.Diagnostics;
using System.Globalization;
using ImageLab.Core.Layers;

namespace ImageLab.Benchmarks.Layers;

/// <summary>
/// <c>analyze-stdin [--no-estimate] [--no-anatomy | --anatomy] [--level N] [--threads N] [--warm-up]</c>: analyzes a
/// <c>docker save</c> stream from standard input as the pipeline does (no cache; package databases kept) and prints one
/// line of results, with the process's CPU seconds during the analysis. <c>--warm-up</c> first analyzes a generated
/// stream a few times, so that the code is compiled as in a worker that has analyzed images before (in a fresh process
/// the just-in-time compilation of the analyzer and the framework code it calls is about a third of its CPU).
/// <c>--anatomy</c> then builds the byte anatomy too (packages and kinds, as the packages API does); <c>--no-anatomy</c>
/// leaves the package databases unread. bench/layer-analysis.sh times it against <c>tar -t</c>, and with and without
/// the anatomy (<c>ANATOMY=1</c>).
/// </summary>
internal static class AnalyzeStdin
{
    public static async Task<int> RunAsync(string[] args)
    {
        var estimate = !args.Contains("--no-estimate");
        var readDatabases = !args.Contains("--no-anatomy");
        var buildAnatomy = readDatabases && args.Contains("--anatomy");
        var levelAt = Array.IndexOf(args, "--level");
        var threadsAt = Array.IndexOf(args, "--threads");
        var threads = threadsAt >= 0 ? int.Parse(args[threadsAt + 1], CultureInfo.InvariantCulture) : 0;
        var level = levelAt >= 0 ? int.Parse(args[levelAt + 1], CultureInfo.InvariantCulture) : GzipCompressedSizeEstimator.DefaultLevel;
        if (args.Contains("--warm-up"))
        {
            await WarmUpAsync(readDatabases);
        }

        var cpuAtStart = CpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        await using var input = Console.OpenStandardInput();
        var result = await new ImageSaveAnalyzer(new ImageAnalysisOptions
        {
            EstimateCompressedSize = estimate,
            ReadAnatomyInputs = readDatabases,
            CompressedSizeEstimator = new GzipCompressedSizeEstimator(level, maxDegreeOfParallelism: threads),
        }).AnalyzeAsync(input);
        if (result.Analysis is not { } analysis)
        {
            await Console.Error.WriteLineAsync(result.FailureReason);
            return 1;
        }

        var analysisSeconds = stopwatch.Elapsed.TotalSeconds;
        var analysisCpuSeconds = CpuSeconds() - cpuAtStart;
        var anatomyText = "";
        if (buildAnatomy)
        {
            // The first build pays the just-in-time compilation a long-running worker pays once; the second is what
            // every later anatomy costs. CPU seconds of the whole process, so the compiling threads count.
            var analysisCpu = CpuSeconds();
            var built = analysis.GetAnatomy() ?? throw new InvalidOperationException("The analysis kept no package databases.");
            var firstCpu = CpuSeconds();
            analysis.GetAnatomy();
            var secondCpu = CpuSeconds();
            anatomyText = string.Create(CultureInfo.InvariantCulture,
                $" analysisCpuSeconds={analysisCpu:0.00} anatomyCpuSeconds={firstCpu - analysisCpu:0.00} anatomyAgainCpuSeconds={secondCpu - firstCpu:0.00}" +
                $" packages={built.Packages.Count} packageBytes={built.Packages.Sum(p => p.Bytes)} total={built.TotalBytes}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"layers={analysis.Layers.Count} files={analysis.Tree.FileCount} content={analysis.ContentBytes} compressed={analysis.CompressedSizeBytes} " +
            $"wasted={analysis.WastedBytes} seconds={analysisSeconds:0.00} cpuSeconds={analysisCpuSeconds:0.00}{anatomyText} managedPeakMB={GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:0}"));
        return 0;
    }

    private static async Task WarmUpAsync(bool readDatabases)
    {
        var saveStream = SyntheticSaveStream.Generate(targetMegabytes: 20);
        var analyzer = new ImageSaveAnalyzer(new ImageAnalysisOptions { EstimateCompressedSize = false, ReadAnatomyInputs = readDatabases });
        for (var i = 0; i < 5; i++)
        {
            await analyzer.AnalyzeAsync(new ForwardOnlyStream(saveStream));
        }

        // Hot methods are recompiled on a background thread after a delay: wait until it has had nothing to do for a while.
        var compiled = -1L;
        while (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != compiled)
        {
            compiled = now;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
