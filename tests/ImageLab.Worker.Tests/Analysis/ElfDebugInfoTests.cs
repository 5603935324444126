using ImageLab.Core.Anatomy;
using ImageLab.Core.Builds;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Testing;
using ImageLab.Testing.Elf;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>Debug info inside ELF programs, built into a real image and analyzed by the pipeline, then read back from the store.</summary>
public sealed class ElfDebugInfoTests
{
    [Fact]
    public async Task Analyze_ScratchImageWithUnstrippedProgram_DebugInfoIsItsSectionsAndKindsAddUpToTheImageSizeOnEveryEngine()
    {
        // Arrange: an unstripped 64-bit program, its .text sized at random so that no engine cache holds the layer, and
        // a stripped big-endian 32-bit one.
        var unstripped = new ElfFileBuilder()
            .Section(".text", 20_000 + Random.Shared.Next(10_000))
            .Section(".debug_info", 50_000)
            .Section(".debug_line", 7_000)
            .Section(".zdebug_str", 3_000)
            .Section(".symtab", 1_000);
        var stripped = new ElfFileBuilder(is64Bit: false, littleEndian: false).Section(".text", 9_000);
        var files = new Dictionary<string, byte[]> { ["server"] = unstripped.Build(), ["helper"] = stripped.Build() };
        Assert.Equal(60_000, unstripped.DebugBytes);
        var sizes = new Dictionary<string, long>();
        foreach (var (name, endpoint) in TestEnvironment.Engines)
        {
            await using var harness = await PipelineHarness.StartAsync(settings: new Dictionary<string, string?> { ["Docker:Endpoint"] = endpoint });

            // Act
            var experiment = await harness.BuildDockerfileAsync(
                "FROM scratch\nCOPY server helper /app/\n", BuilderKind.Classic, project: "elf-debug-tests", contextFiles: files);
            var iteration = Assert.Single(experiment.Iterations);
            Assert.True(iteration.Status == IterationStatus.Succeeded, $"{name}: {iteration.Error}");
            var stored = await new AnalysisStore(harness.Contexts, TimeProvider.System).LoadImageAnalysisAsync(iteration.Id, CancellationToken.None);
            var anatomy = stored?.GetAnatomy();
            Assert.NotNull(anatomy);

            // Assert: the sections are debug info, the rest of both programs is other bytes, together the image's size.
            var debugInfo = Assert.Single(anatomy.Kinds, kind => kind.Kind == ByteKind.DebugInfo);
            Assert.Equal((unstripped.DebugBytes, 1), (debugInfo.Bytes, debugInfo.FileCount));
            var other = Assert.Single(anatomy.Kinds, kind => kind.Kind == ByteKind.Other);
            Assert.Equal(files["server"].Length - unstripped.DebugBytes + files["helper"].Length, other.Bytes);
            Assert.True(anatomy.ReadDebugSections);
            Assert.Equal(iteration.SizeBytes, anatomy.TotalBytes);
            Assert.Equal(iteration.SizeBytes, anatomy.Kinds.Sum(kind => kind.Bytes));
            var server = Assert.Single(anatomy.Files, file => file.Path == "/app/server");
            Assert.Equal(unstripped.DebugBytes, server.DebugSectionBytes);
            if (iteration.MeasuredOn?.ImageStore != ImageStoreKind.Containerd)
            {
                // A graph driver's Size is the layers' file bytes; the containerd store's is compressed content.
                Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!, endpoint), iteration.SizeBytes);
            }

            sizes[name] = iteration.SizeBytes!.Value;
        }

        Assert.Single(sizes.Values.Distinct());
    }
}
