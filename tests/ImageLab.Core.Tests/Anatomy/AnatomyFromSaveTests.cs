using ImageLab.Core.Anatomy;
using ImageLab.Core.Tests.Layers;

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
}
