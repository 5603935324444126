using BenchmarkDotNet.Running;
using ImageLab.Benchmarks.Dockerfiles;
using ImageLab.Benchmarks.Layers;

if (args is ["analyze-stdin", ..])
{
    return await AnalyzeStdin.RunAsync(args);
}

if (args is ["advise-files", .. var files])
{
    return AdviseFiles.Run(files);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
