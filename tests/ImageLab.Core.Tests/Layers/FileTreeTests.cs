using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

public sealed class FileTreeTests
{
    private static async Task<ImageAnalysis> UsrImageAsync()
    {
        var tars = new[]
        {
            new LayerTarBuilder()
                .Directory("usr").Directory("usr/lib").File("usr/lib/libc.so", 2000).File("usr/lib/libm.so", 500)
                .Directory("usr/lib/python3").File("usr/lib/python3/a.py", 300).File("usr/lib/python3/b.py", 700)
                .Build(),
            new LayerTarBuilder().Directory("usr/lib").File("usr/lib/zlib.so", 100).Symlink("usr/lib/libz.so", "zlib.so").Build(),
        };
        return await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars));
    }

    [Fact]
    public async Task ListDirectory_ByNameDefault_ReturnsEntriesWithRecursiveSizes()
    {
        // Arrange
        var analysis = await UsrImageAsync();

        // Act
        var listing = analysis.Tree.ListDirectory("/usr/lib");

        // Assert
        Assert.NotNull(listing);
        Assert.Equal("/usr/lib", listing.Path);
        Assert.Equal(3600 + "zlib.so".Length, listing.SizeBytes); // a symlink weighs its target, as in the image size
        Assert.Equal(5, listing.TotalCount);
        Assert.Equal(["libc.so", "libm.so", "libz.so", "python3", "zlib.so"], listing.Entries.Select(e => e.Name));
        var python = listing.Entries.Single(e => e.Name == "python3");
        Assert.Equal((LayerEntryKind.Directory, 1000L, 2, 0), (python.Kind, python.SizeBytes, python.ChildCount, python.LayerIndex));
        Assert.Equal(1, listing.Entries.Single(e => e.Name == "zlib.so").LayerIndex);
    }

    [Fact]
    public async Task ListDirectory_BySizeDescendingPaged_ReturnsTheRequestedPage()
    {
        // Arrange
        var analysis = await UsrImageAsync();
        var query = new DirectoryListingQuery { SortBy = FileTreeSort.Size, Descending = true, Offset = 1, Limit = 2 };

        // Act
        var listing = analysis.Tree.ListDirectory("usr/lib/", query);

        // Assert
        Assert.NotNull(listing);
        Assert.Equal(5, listing.TotalCount);
        Assert.Equal(1, listing.Offset);
        Assert.Equal(["python3", "libm.so"], listing.Entries.Select(e => e.Name));
    }

    [Fact]
    public async Task ListDirectory_NameFilter_KeepsMatchingEntriesOnly()
    {
        // Arrange
        var analysis = await UsrImageAsync();

        // Act
        var listing = analysis.Tree.ListDirectory("/usr/lib", new DirectoryListingQuery { NameContains = "LIB" });

        // Assert
        Assert.NotNull(listing);
        Assert.Equal(["libc.so", "libm.so", "libz.so", "zlib.so"], listing.Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("/usr/lib/libc.so")]
    [InlineData("/nowhere")]
    [InlineData("../etc")]
    public async Task ListDirectory_NotADirectory_ReturnsNull(string path)
    {
        // Arrange
        var analysis = await UsrImageAsync();

        // Act
        var listing = analysis.Tree.ListDirectory(path);

        // Assert
        Assert.Null(listing);
    }

    [Fact]
    public async Task ListDirectory_Root_SumsTheWholeImage()
    {
        // Arrange
        var analysis = await UsrImageAsync();

        // Act
        var listing = analysis.Tree.ListDirectory("/");

        // Assert
        Assert.NotNull(listing);
        Assert.Equal(3600 + "zlib.so".Length, listing.SizeBytes);
        Assert.Equal("usr", Assert.Single(listing.Entries).Name);
    }

    [Fact]
    public async Task GetTreeAtLayer_LowerLayer_ShowsTheTreeAsItStoodThen()
    {
        // Arrange
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(SampleImages.WasteLadder()));

        // Act
        var atLayer0 = analysis.GetTreeAtLayer(0);
        var atLayer1 = analysis.GetTreeAtLayer(1);

        // Assert
        Assert.Equal(1050, atLayer0.TotalBytes);
        Assert.Equal(200, atLayer0.Find("/app/b")?.SizeBytes);
        Assert.Equal(100 + 250 + 300 + 400 + 1000, atLayer1.TotalBytes);
        Assert.Null(atLayer1.Find("/etc/conf"));
        Assert.Same(analysis.Tree, analysis.GetTreeAtLayer(2));
    }

    [Fact]
    public async Task EnumerateEntries_FinalTree_ParentsBeforeChildren()
    {
        // Arrange
        var analysis = await UsrImageAsync();

        // Act
        var paths = analysis.Tree.EnumerateEntries().Select(e => e.Path).ToList();

        // Assert
        Assert.Equal(analysis.Tree.EntryCount, paths.Count);
        Assert.True(paths.IndexOf("/usr/lib") < paths.IndexOf("/usr/lib/python3/a.py"));
    }
}
