using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

public sealed class WasteAnalysisTests
{
    [Fact]
    public async Task AnalyzeAsync_OverwritesWhiteoutsAndOpaqueDir_WasteIsNonSurvivingCopiesOnly()
    {
        // Arrange: see SampleImages.WasteLadder. Surviving: /app/a (L1), /app/b (L1), /data/z (L2).
        var save = SampleImages.Save(SampleImages.WasteLadder());

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(100 + 200 + 50 + 300 + 400, analysis.Layers[0].WastedBytes);
        Assert.Equal(1000, analysis.Layers[1].WastedBytes);
        Assert.Equal(0, analysis.Layers[2].WastedBytes);
        Assert.Equal(2050, analysis.WastedBytes);
        Assert.Equal(2410, analysis.ContentBytes);
        Assert.Equal(100.0 * 2050 / 2410, analysis.WastedPercent, 6);
        Assert.Equal(360, analysis.Tree.TotalBytes);
        Assert.Equal(3, analysis.Tree.FileCount);
    }

    [Fact]
    public async Task AnalyzeAsync_WasteLadder_AddedModifiedDeletedPerLayer()
    {
        // Arrange
        var save = SampleImages.Save(SampleImages.WasteLadder(), SaveLayout.Oci);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        var (l0, l1, l2) = (analysis.Layers[0], analysis.Layers[1], analysis.Layers[2]);
        Assert.Equal((5, 1050L, 0, 0L, 0, 0L), (l0.AddedFileCount, l0.AddedBytes, l0.ModifiedFileCount, l0.ModifiedBytes, l0.DeletedFileCount, l0.DeletedBytes));
        Assert.Equal((1, 1000L, 2, 350L, 1, 50L), (l1.AddedFileCount, l1.AddedBytes, l1.ModifiedFileCount, l1.ModifiedBytes, l1.DeletedFileCount, l1.DeletedBytes));
        Assert.Equal((1, 10L, 0, 0L, 3, 1700L), (l2.AddedFileCount, l2.AddedBytes, l2.ModifiedFileCount, l2.ModifiedBytes, l2.DeletedFileCount, l2.DeletedBytes));
        Assert.Equal(1, l1.Layer.WhiteoutCount);
        Assert.Equal(2, l2.Layer.WhiteoutCount);
    }

    [Fact]
    public async Task AnalyzeAsync_WasteLadder_DiveScoreReproducesDivesFormula()
    {
        // Arrange: per path, dive sums every copy and keeps the smallest; a whiteout of a file counts as a 0-byte copy.
        // min:   a 100, b 200, conf 0, x 300, y 400, big 0, z 10       = 1010
        // total: a 200, b 450, conf 50, x 300, y 400, big 1000, z 10   = 2410
        // dive "wasted": paths seen twice or more: a 200 + b 450 + conf 50 + big 1000 = 1700
        var save = SampleImages.Save(SampleImages.WasteLadder());

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(1010.0 / 2410, analysis.DiveEfficiency, 9);
        Assert.Equal(1700, analysis.DiveWastedBytes);
        Assert.Equal(100.0 * 1700 / (1350 + 10), analysis.DiveUserWastedPercent, 6);
    }

    [Fact]
    public async Task AnalyzeAsync_DirectoryWhiteout_DiveChargesTheDirectorysSize()
    {
        // Arrange
        var tars = new[]
        {
            new LayerTarBuilder().Directory("cache").File("cache/a", 30).File("cache/b", 70).File("keep", 100).Build(),
            new LayerTarBuilder().Whiteout("cache").Build(),
        };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars));

        // Assert: paths cache/a, cache/b, keep once each (min = total), path "cache" once as a 100-byte whiteout.
        Assert.Equal(1.0, analysis.DiveEfficiency, 9);
        Assert.Equal(100, analysis.WastedBytes);
        Assert.Equal(2, analysis.Layers[1].DeletedFileCount);
        Assert.Null(analysis.Tree.Find("/cache/a"));
    }

    [Fact]
    public async Task GetUserWaste_FirstOwnLayerIndex_CountsOnlyOwnLayers()
    {
        // Arrange
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(SampleImages.WasteLadder()));

        // Act
        var fromLayer1 = analysis.GetUserWaste(1);
        var fromLayer2 = analysis.GetUserWaste(2);

        // Assert
        Assert.Equal(analysis.UserWaste, fromLayer1);
        Assert.Equal(1000, fromLayer1.WastedBytes);
        Assert.Equal(1360, fromLayer1.OwnLayerBytes);
        Assert.Equal(100.0 * 1000 / 1360, fromLayer1.WastedPercent, 6);
        Assert.Equal(0, fromLayer2.WastedBytes);
        Assert.True(analysis.Layers[0].IsBaseLayer);
        Assert.False(analysis.Layers[1].IsBaseLayer);
    }

    [Fact]
    public async Task TreeGetHistory_WrittenRewrittenDeleted_ListsEveryLayersChange()
    {
        // Arrange
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(SampleImages.WasteLadder()));

        // Act
        var a = analysis.Tree.GetHistory("/app/a");
        var conf = analysis.Tree.GetHistory("etc/conf");
        var x = analysis.Tree.GetHistory("/data/x");

        // Assert
        Assert.Equal(
            [new PathChange(0, PathChangeKind.Added, LayerEntryKind.File, 100), new PathChange(1, PathChangeKind.Modified, LayerEntryKind.File, 100)],
            a);
        Assert.Equal(
            [new PathChange(0, PathChangeKind.Added, LayerEntryKind.File, 50), new PathChange(1, PathChangeKind.Deleted, LayerEntryKind.File, 50)],
            conf);
        Assert.Equal([PathChangeKind.Added, PathChangeKind.Deleted], x.Select(c => c.Change));
        Assert.Equal(2, x[1].LayerIndex);
        Assert.Empty(analysis.Tree.GetHistory("/never/there"));
    }

    [Fact]
    public async Task AnalyzeAsync_FileReplacedByDirectoryAndBack_CountsReplacedCopies()
    {
        // Arrange
        var tars = new[]
        {
            new LayerTarBuilder().File("thing", 500).Directory("dir").File("dir/inner", 40).Build(),
            new LayerTarBuilder().Directory("thing").File("thing/child", 7).File("dir", 3).Build(),
        };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars));

        // Assert
        Assert.Equal(540, analysis.Layers[0].WastedBytes);
        Assert.Equal(LayerEntryKind.Directory, analysis.Tree.Find("/thing")?.Kind);
        Assert.Equal(LayerEntryKind.File, analysis.Tree.Find("/dir")?.Kind);
        Assert.Null(analysis.Tree.Find("/dir/inner"));
        Assert.Equal(10, analysis.Tree.TotalBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_KnownPatterns_NamesFindingsWithBytesLayerAndExamples()
    {
        // Arrange
        var tars = new[]
        {
            new LayerTarBuilder()
                .File("usr/bin/gcc-12", 900).File("usr/include/stdio.h", 100).File("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 2000)
                .File("usr/share/doc/libssl-dev/copyright", 10).File("usr/bin/python3", 1500)
                .Build(),
            new LayerTarBuilder()
                .File("var/lib/apt/lists/mirror.example_debian_dists_bookworm_InRelease", 150).File("var/lib/apt/lists/lock", 0)
                .File("var/cache/apt/archives/gcc_12.deb", 800).File("var/cache/apt/archives/partial/x", 5)
                .File("root/.cache/pip/http/ab/cd", 250).File("root/.cache/uv/wheels/x.whl", 60)
                .File("root/.npm/_cacache/index", 20).File("usr/local/share/.cache/yarn/v6/pkg", 30)
                .File("app/.yarn-cache/z", 5).File("var/cache/apk/APKINDEX.tar.gz", 70)
                .File("app/__pycache__/main.cpython-312.pyc", 45).File("app/util.pyc", 5)
                .File("models/weights.bin", 2048)
                .Build(),
            new LayerTarBuilder().File("usr/bin/python3", 1500).Whiteout("var/lib/apt/lists/mirror.example_debian_dists_bookworm_InRelease").Build(),
        };
        var options = new ImageAnalysisOptions { LargeFileThresholdBytes = 2048 };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars), options);

        // Assert
        WasteFinding Find(string id) => Assert.Single(analysis.Findings, f => f.PatternId == id);
        Assert.Equal((3010L, 0), (Find(WastePatternIds.BuildToolchain).Bytes, Find(WastePatternIds.BuildToolchain).LayerIndex));
        Assert.Equal(4, Find(WastePatternIds.BuildToolchain).ExamplePaths.Count);
        Assert.Equal((150L, 1), (Find(WastePatternIds.AptLists).Bytes, Find(WastePatternIds.AptLists).LayerIndex));
        Assert.Equal(800, Find(WastePatternIds.AptArchives).Bytes);
        Assert.Equal(250, Find(WastePatternIds.PipCache).Bytes);
        Assert.Equal(60, Find(WastePatternIds.UvCache).Bytes);
        Assert.Equal(20, Find(WastePatternIds.NpmCache).Bytes);
        Assert.Equal(35, Find(WastePatternIds.YarnCache).Bytes);
        Assert.Equal(70, Find(WastePatternIds.ApkCache).Bytes);
        Assert.Equal(50, Find(WastePatternIds.PythonBytecode).Bytes);
        Assert.Equal((1500L, 2), (Find(WastePatternIds.ChmodCopy).Bytes, Find(WastePatternIds.ChmodCopy).LayerIndex));
        Assert.Equal(["/models/weights.bin"], Find(WastePatternIds.LargeFile).ExamplePaths);
        Assert.All(analysis.Findings, f => Assert.Matches("^Layer [0-9]+ .*\\.$", f.Message));
        Assert.Equal(analysis.Findings.Where(f => f.LayerIndex == 1).ToList(), analysis.Layers[1].Findings);
        Assert.Equal(analysis.Findings.OrderByDescending(f => f.Bytes).Select(f => f.Bytes), analysis.Findings.Select(f => f.Bytes));
    }

    [Fact]
    public async Task AnalyzeAsync_SameSizeRewriteWithNewMtime_IsNotAChmodCopy()
    {
        // Arrange: apt-get update rewrites pkgcache.bin with the same size but a new mtime; that is not a chmod.
        var tars = new[]
        {
            new LayerTarBuilder().File("var/cache/apt/pkgcache.bin", 5000).Build(),
            new LayerTarBuilder().File("var/cache/apt/pkgcache.bin", 5000, modified: DateTimeOffset.UnixEpoch.AddDays(20_000)).Build(),
        };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars));

        // Assert
        Assert.DoesNotContain(analysis.Findings, f => f.PatternId == WastePatternIds.ChmodCopy);
        Assert.Equal(5000, analysis.WastedBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_LargestFiles_ListsTopNLargestFirst()
    {
        // Arrange
        var builder = new LayerTarBuilder();
        for (var i = 1; i <= 20; i++)
        {
            builder.File($"f{i:00}", i * 10);
        }

        var options = new ImageAnalysisOptions { LargestFilesPerLayer = 3 };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([builder.Build()]), options);

        // Assert
        Assert.Equal([new LayerFile("/f20", 200), new LayerFile("/f19", 190), new LayerFile("/f18", 180)], analysis.Layers[0].LargestFiles);
    }
}
