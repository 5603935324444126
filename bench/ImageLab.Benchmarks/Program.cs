using BenchmarkDotNet.Running;
using ImageLab.Benchmarks.Layers;

if (args is ["analyze-stdin", ..])
{
    return await AnalyzeStdin.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
