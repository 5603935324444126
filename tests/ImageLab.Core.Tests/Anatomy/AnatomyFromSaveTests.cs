using ImageLab.Core.Anatomy;
using ImageLab.Core.Tests.Layers;
using ImageLab.Testing.Elf;

namespace ImageLab.Core.Tests.Anatomy;

public sealed class AnatomyFromSaveTests
{
    [Fact]
    public async Task GetAnatomy_SavedImageWithDpkgDatabase_ReadsTheDatabasesDuringTheSinglePass()
    {
        // Arrange
        const string status = "Package: hello\nStatus: install ok installed\nVersion: 2.10-3\n\n";
        var save = SampleImages.Save([
            new LayerTarBuilder()
                .Directory("usr").Directory("usr/bin").File("usr/bin/hello", 90_000)
                .Directory("usr/share").Directory("usr/share/doc").Directory("usr/share/doc/hello").File("usr/share/doc/hello/copyright", 2_000)
                .Directory("var").Directory("var/lib").Directory("var/lib/dpkg").Text("./var/lib/dpkg/status", status)
                .Directory("var/lib/dpkg/info").Text("var/lib/dpkg/info/hello.list", "/.\n/usr/bin/hello\n/usr/share/doc/hello/copyright\n")
                .Text("var/lib/dpkg/info/hello.md5sums", "abc  usr/bin/hello\n")
                .Build(),
            new LayerTarBuilder().Directory("app").File("app/data.bin", 5_000).Build(),
        ]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);
        var anatomy = analysis.GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        Assert.Equal(["/var/lib/dpkg/info/hello.list", "/var/lib/dpkg/status"], analysis.Layers[0].Layer.PackageDatabases!.Keys.Order(StringComparer.Ordinal));
        var hello = Assert.Single(anatomy.Packages);
        Assert.Equal(("hello", "2.10-3", 92_000L, 0), (hello.Name, hello.Version, hello.Bytes, hello.InstalledInLayer));
        Assert.Equal(analysis.Layers.Sum(layer => layer.Layer.FileSystemBytes), anatomy.TotalBytes);
        Assert.Equal(anatomy.TotalBytes, hello.Bytes + anatomy.Unowned.Sum(folder => folder.Bytes));
        Assert.Equal(2_000, anatomy.Kinds.Single(kind => kind.Kind == ByteKind.Documentation).Bytes);
    }

    [Fact]
    public async Task GetAnatomy_UnstrippedProgram_ItsDebugSectionsAreDebugInfoAndTheRestItsPathKind()
    {
        // Arrange
        var program = new ElfFileBuilder().Section(".text", 3_000).Section(".debug_info", 4_000).Section(".debug_str", 1_000);
        var elf = program.Build();
        var save = SampleImages.Save([
            new LayerTarBuilder().Directory("usr").Directory("usr/bin").Content("usr/bin/tool", elf).File("usr/bin/script", 500).Build(),
            new LayerTarBuilder().Directory("usr").Directory("usr/lib").Directory("usr/lib/debug").File("usr/lib/debug/tool.debug", 700).Build(),
        ]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);
        var anatomy = analysis.GetAnatomy();
        Assert.NotNull(anatomy);

        // Assert
        Assert.Equal(new Dictionary<string, long> { ["/usr/bin/tool"] = 5_000 }, analysis.Layers[0].Layer.DebugSectionBytes);
        var kinds = anatomy.Kinds.ToDictionary(kind => kind.Kind);
        Assert.Equal((5_000L + 700, 2), (kinds[ByteKind.DebugInfo].Bytes, kinds[ByteKind.DebugInfo].FileCount));
        Assert.Equal((elf.Length - 5_000L + 500, 2), (kinds[ByteKind.Other].Bytes, kinds[ByteKind.Other].FileCount));
        Assert.Equal(anatomy.TotalBytes, anatomy.Kinds.Sum(kind => kind.Bytes));
        Assert.Equal(analysis.Layers.Sum(layer => layer.Layer.FileSystemBytes), anatomy.TotalBytes);
        Assert.True(anatomy.ReadDebugSections);
        var tool = Assert.Single(anatomy.Files, file => file.IsOf(ByteKind.DebugInfo) && file.Kind == ByteKind.Other);
        Assert.Equal(("/usr/bin/tool", 5_000L, elf.Length - 5_000L), (tool.Path, tool.BytesOf(ByteKind.DebugInfo), tool.BytesOf(ByteKind.Other)));
    }

    [Fact]
    public async Task GetAnatomy_ProgramLargerThanOneRead_CountsItsDebugSections()
    {
        // Arrange: sections of odd sizes over several of the analyzer's 256 KiB reads.
        var program = new ElfFileBuilder().Section(".text", 300_000).Section(".debug_info", 1_200_000).Section(".debug_str", 234_567).Section(".symtab", 20_000);
        var save = SampleImages.Save([new LayerTarBuilder().Directory("app").Content("app/server", program.Build()).Build()]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(program.DebugBytes, analysis.Layers[0].Layer.DebugSectionBytes!["/app/server"]);
    }
}
