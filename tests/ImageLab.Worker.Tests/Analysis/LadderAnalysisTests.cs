using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>The layer analysis of a built ladder, stored and read back, on each store.</summary>
public abstract class LadderAnalysisTests(LadderFixture ladder, ITestOutputHelper output)
{
    [Fact]
    public void Analyze_SecondIterationOfLadder_ReadsOnlyItsOwnLayers()
    {
        var (slim, multistage) = (ladder.Analyses[0], ladder.Analyses[1]);
        Assert.Equal(AnalysisStatus.Succeeded, slim.Status);
        Assert.Equal(AnalysisStatus.Succeeded, multistage.Status);

        // The first iteration finds an empty cache and reads every layer.
        Assert.Equal(0, slim.LayersFromCache);
        Assert.Equal(slim.Layers.Count, slim.LayersAnalyzed);

        // The second pays only for the layers the first did not have.
        var shared = multistage.Layers.Count(l => slim.Layers.Any(s => s.DiffId == l.DiffId));
        output.WriteLine($"slim: {slim.LayersAnalyzed} analyzed; multistage: {multistage.LayersAnalyzed} analyzed, {multistage.LayersFromCache} from the cache ({shared} shared layers)");
        Assert.True(shared > 0, "The two iterations should share the slim base's layers.");
        Assert.Equal(shared, multistage.LayersFromCache);
        Assert.Equal(multistage.Layers.Count - shared, multistage.LayersAnalyzed);
    }

    [Fact]
    public async Task Analyze_Ladder_StoresEachDiffIdOnce()
    {
        await using var db = await ladder.Harness.Contexts.CreateDbContextAsync();
        var distinct = ladder.Analyses.SelectMany(a => a.Layers).Select(l => l.DiffId).Distinct().Count();
        Assert.Equal(distinct, await db.AnalyzedLayers.CountAsync());
    }

    [Fact]
    public async Task Analyze_LadderImages_FileCountsAndBytesEqualTarOfTheSavedLayers()
    {
        foreach (var (iteration, analysis) in ladder.Experiment.Iterations.Zip(ladder.Analyses))
        {
            var folder = Directory.CreateTempSubdirectory("imagelab-save-");
            try
            {
                await DockerCli.RunAsync("save", "-o", Path.Combine(folder.FullName, "image.tar"), iteration.ImageId!);
                await RunAsync("tar", "-xf", Path.Combine(folder.FullName, "image.tar"), "-C", folder.FullName);
                using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "manifest.json")));
                var layerPaths = manifest.RootElement[0].GetProperty("Layers").EnumerateArray().Select(p => p.GetString()!).ToList();
                Assert.Equal(layerPaths.Count, analysis.Layers.Count);
                for (var i = 0; i < layerPaths.Count; i++)
                {
                    var path = Path.Combine(folder.FullName, layerPaths[i]);
                    var (files, bytes) = CountRegularFiles(await RunAsync("tar", "-tvf", path));
                    output.WriteLine($"{iteration.Name} layer {i}: tar -tv {files} files {bytes} bytes; analysis {analysis.Layers[i].FileCount} files {analysis.Layers[i].ContentBytes} bytes");
                    Assert.Equal(files, analysis.Layers[i].FileCount);
                    Assert.Equal(bytes, analysis.Layers[i].ContentBytes);
                    Assert.Equal(new FileInfo(path).Length, analysis.Layers[i].UncompressedSizeBytes);
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    [Fact]
    public async Task GetExperiment_AfterAnalysis_ShowsPushSizeNextToSize()
    {
        var experiment = await ladder.Harness.Queries.GetExperimentAsync(ladder.Experiment.Id, CancellationToken.None);
        foreach (var (iteration, analysis) in experiment!.Iterations.Zip(ladder.Analyses))
        {
            Assert.Equal(analysis.CompressedSizeBytes, iteration.CompressedSizeBytes);
            Assert.True(iteration.CompressedSizeBytes < iteration.SizeBytes);
            Assert.Equal(analysis.Efficiency, iteration.Efficiency);
            Assert.Equal(analysis.WastedBytes, iteration.WastedBytes);

            // Every layer the analysis matched to a history row shows its push size there; together they are the image's.
            Assert.All(analysis.Layers, l => Assert.NotNull(l.HistoryIndex));
            Assert.Equal(iteration.CompressedSizeBytes, iteration.Layers.Sum(l => l.CompressedSizeBytes ?? 0));
            Assert.All(iteration.Layers.Where(l => l.SizeBytes > 0), l => Assert.NotNull(l.CompressedSizeBytes));

            // Pages watching the experiment read it again when told the analysis is stored (it ends after the build).
            var types = await ladder.Harness.ReadEventTypesAsync(experiment, iteration);
            Assert.Equal(BuildEventType.Analyzed, types[^1]);
            Assert.DoesNotContain(BuildEventType.Status, types.SkipWhile(t => t != BuildEventType.Analyzed));
        }
    }

    [Fact]
    public async Task GetImageAnalysis_FromStoredLayers_HasTheEnginesTree()
    {
        var iteration = ladder.Experiment.Iterations[1];
        var analysis = await ladder.Harness.Analyses.LoadImageAnalysisAsync(iteration.Id, CancellationToken.None);
        Assert.NotNull(analysis);

        // main.py was copied by the iteration's own layer; /app lists it with its size on disk.
        var listing = analysis.Tree.ListDirectory("/app");
        Assert.NotNull(listing);
        var main = Assert.Single(listing.Entries, e => e.Name == "main.py");
        Assert.Equal(new FileInfo(Path.Combine(TestEnvironment.SamplesFolder, "python-offline", "main.py")).Length, main.SizeBytes);
    }

    /// <summary>Regular files of <c>tar -tv</c> output (type '-'), whiteout markers excluded, and their bytes.</summary>
    private static (int Files, long Bytes) CountRegularFiles(string listing)
    {
        int files = 0;
        long bytes = 0;
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var name = fields[5].TrimStart();
            var baseName = name[(name.TrimEnd('/').LastIndexOf('/') + 1)..];
            if (line[0] != '-' || baseName.StartsWith(".wh.", StringComparison.Ordinal))
            {
                continue;
            }

            files++;
            bytes += long.Parse(fields[2], CultureInfo.InvariantCulture);
        }

        return (files, bytes);
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed: {await stderr}");
        return await stdout;
    }

    public sealed class OnPostgreSql(LadderFixture ladder, ITestOutputHelper output) : LadderAnalysisTests(ladder, output), IClassFixture<LadderFixture>;

    public sealed class OnSqlite(SqliteLadderFixture ladder, ITestOutputHelper output) : LadderAnalysisTests(ladder, output), IClassFixture<SqliteLadderFixture>;
}
