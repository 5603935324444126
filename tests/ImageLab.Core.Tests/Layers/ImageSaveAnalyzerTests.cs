using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

public sealed class ImageSaveAnalyzerTests
{
    [Theory]
    [InlineData(SaveLayout.Legacy, false)]
    [InlineData(SaveLayout.Legacy, true)]
    [InlineData(SaveLayout.Oci, false)]
    [InlineData(SaveLayout.Oci, true)]
    public async Task AnalyzeAsync_EitherLayoutAndMetadataOrder_ReportsLayersInConfigOrder(SaveLayout layout, bool metadataFirst)
    {
        // Arrange
        var first = new LayerTarBuilder().Directory("bin").File("bin/sh", 1234).File("bin/ls", 99);
        var second = new LayerTarBuilder().Directory("app").File("app/main.py", 4000).File("app/README", 12).File("app/x", 0);
        var tars = new[] { first.Build(), second.Build() };
        var save = new SaveStreamBuilder { Layout = layout, MetadataFirst = metadataFirst }
            .Layer(tars[0], createdBy: "COPY rootfs /")
            .Layer(tars[1], createdBy: "COPY app /app")
            .Build();

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(layout, analysis.Layout);
        Assert.Equal(2, analysis.Layers.Count);
        Assert.Equal(SaveStreamBuilder.DiffId(tars[0]), analysis.Layers[0].DiffId);
        Assert.Equal(SaveStreamBuilder.DiffId(tars[1]), analysis.Layers[1].DiffId);
        Assert.Equal(first.FileCount, analysis.Layers[0].FileCount);
        Assert.Equal(first.FileBytes, analysis.Layers[0].ContentBytes);
        Assert.Equal(second.FileCount, analysis.Layers[1].FileCount);
        Assert.Equal(second.FileBytes, analysis.Layers[1].ContentBytes);
        Assert.Equal(tars[1].Length, analysis.Layers[1].UncompressedSizeBytes);
        Assert.Equal("COPY app /app", analysis.Layers[1].CreatedBy);
        Assert.Equal(["imagelab-test/app:latest"], analysis.RepoTags);
        Assert.StartsWith("sha256:", analysis.ImageId);
        Assert.Equal(1234 + 99 + 4000 + 12, analysis.Tree.TotalBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_OciIndexWithoutDockerManifest_FollowsIndexToConfig()
    {
        // Arrange
        var tar = new LayerTarBuilder().File("hello", 5).Build();
        var save = new SaveStreamBuilder { Layout = SaveLayout.Oci, WithDockerManifest = false }.Layer(tar).Build();

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(SaveStreamBuilder.DiffId(tar), Assert.Single(analysis.Layers).DiffId);
        Assert.Equal(["imagelab-test/app:latest"], analysis.RepoTags);
    }

    [Theory]
    [InlineData(LayerBlobCompression.Gzip)]
    [InlineData(LayerBlobCompression.Zstd)]
    public async Task AnalyzeAsync_CompressedOciBlobs_DiffIdIsHashOfUncompressedTar(LayerBlobCompression compression)
    {
        // Arrange
        var builder = new LayerTarBuilder().Directory("usr").File("usr/one", 3000).RandomFile("usr/two", 5000, seed: 1);
        var tar = builder.Build();
        var save = SampleImages.Save([tar], SaveLayout.Oci, compression);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        var layer = Assert.Single(analysis.Layers);
        Assert.Equal(SaveStreamBuilder.DiffId(tar), layer.DiffId);
        Assert.Equal(compression, layer.Layer.BlobCompression);
        Assert.Equal(2, layer.FileCount);
        Assert.Equal(8000, layer.ContentBytes);
        Assert.Equal(tar.Length, layer.UncompressedSizeBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_GzipBlob_PushSizeIsBlobSize()
    {
        // Arrange
        var tar = new LayerTarBuilder().RandomFile("blob", 20_000, seed: 2).Build();
        var blob = SaveStreamBuilder.Compress(tar, LayerBlobCompression.Gzip);
        var save = SampleImages.Save([tar], SaveLayout.Oci, LayerBlobCompression.Gzip);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(blob.Length, analysis.Layers[0].CompressedSizeBytes);
        Assert.Equal(CompressedSizeSource.BlobSize, analysis.Layers[0].Layer.CompressedSizeSource);
    }

    [Fact]
    public async Task AnalyzeAsync_UncompressedBlob_EstimatesGzipSizeAtTheDefaultLevel()
    {
        // Arrange
        var tar = new LayerTarBuilder().File("text", 50_000).RandomFile("random", 50_000, seed: 3).Build();
        using var expected = new MemoryStream();
        using (var gzip = new GZipStream(expected, new ZLibCompressionOptions { CompressionLevel = GzipCompressedSizeEstimator.DefaultLevel }, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([tar]));

        // Assert
        var layer = analysis.Layers[0];
        Assert.Equal(CompressedSizeSource.Estimated, layer.Layer.CompressedSizeSource);
        Assert.Equal(expected.Length, layer.CompressedSizeBytes);
        Assert.InRange(layer.CompressedSizeBytes, 50_000, 60_000);
        Assert.Equal(layer.CompressedSizeBytes, analysis.CompressedSizeBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AnalyzeAsync_LayerOfManyChunks_EstimateWithinHalfAPercentOfOneGzipStream(int threads)
    {
        // Arrange: 9 MB of text and binary, cut into nine 1 MiB chunks compressed apart.
        var tar = new LayerTarBuilder().TextFile("usr/share/doc/a.txt", 6_000_000, seed: 4).RandomFile("usr/lib/b.so", 2_000_000, seed: 5)
            .TextFile("usr/share/doc/c.txt", 1_000_000, seed: 6).Build();
        using var oneStream = new MemoryStream();
        using (var gzip = new GZipStream(oneStream, new ZLibCompressionOptions { CompressionLevel = GzipCompressedSizeEstimator.DefaultLevel }, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        var options = new ImageAnalysisOptions
        {
            CompressedSizeEstimator = new GzipCompressedSizeEstimator(chunkBytes: 1024 * 1024, maxDegreeOfParallelism: threads),
        };

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([tar]), options);

        // Assert
        var estimate = analysis.Layers[0].CompressedSizeBytes;
        Assert.Equal(CompressedSizeSource.Estimated, analysis.Layers[0].Layer.CompressedSizeSource);
        Assert.InRange((double)(estimate - oneStream.Length) / oneStream.Length, 0, 0.005);
    }

    [Fact]
    public async Task AnalyzeAsync_EstimationSwitchedOff_CompressedSizeNotComputed()
    {
        // Arrange
        var save = SampleImages.Save([new LayerTarBuilder().File("f", 10).Build()]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save, new ImageAnalysisOptions { EstimateCompressedSize = false });

        // Assert
        Assert.Equal(0, analysis.Layers[0].CompressedSizeBytes);
        Assert.Equal(CompressedSizeSource.NotComputed, analysis.Layers[0].Layer.CompressedSizeSource);
    }

    [Fact]
    public async Task AnalyzeAsync_LinksLongNamesPaxAndSparse_CountsEveryKind()
    {
        // Arrange
        var longName = "opt/" + string.Join('/', Enumerable.Repeat("very-long-directory-name", 12)) + "/file.bin";
        var pax = new LayerTarBuilder(TarEntryFormat.Pax)
            .Directory("usr/bin").File("usr/bin/python3.12", 6000)
            .Symlink("usr/bin/python3", "python3.12")
            .HardLink("usr/bin/python", "usr/bin/python3.12")
            .File(longName, 77)
            .File("srv/naïve-ünïcode-名前.txt", 8)
            .PaxSparseFile("var/log/lastlog", realSize: 1_000_000, storedSize: 512);
        var gnu = new LayerTarBuilder(TarEntryFormat.Gnu).File(longName.Replace("opt/", "gnu/", StringComparison.Ordinal), 33);
        var save = SampleImages.Save([pax.Build(), gnu.Build()]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        var layer = analysis.Layers[0].Layer;
        Assert.Equal(4, layer.FileCount);
        Assert.Equal(6000 + 77 + 8 + 1_000_000, layer.ContentBytes);
        Assert.Equal(1, layer.SymlinkCount);
        Assert.Equal(1, layer.HardLinkCount);

        // The image size counts a symlink's target ("python3.12", 10 bytes) and a hard-linked file once, as overlay2 does.
        Assert.Equal(6000 + 77 + 8 + 1_000_000 + 10, layer.FileSystemBytes);
        Assert.Equal(10, layer.Entries.Single(e => e.Kind == LayerEntryKind.Symlink).SizeBytes);
        Assert.Equal(0, layer.Entries.Single(e => e.Kind == LayerEntryKind.HardLink).SizeBytes);
        Assert.Equal(LayerEntryKind.Symlink, analysis.Tree.Find("/usr/bin/python3")?.Kind);
        Assert.Equal("python3.12", analysis.Tree.Find("/usr/bin/python3")?.LinkTarget);
        Assert.Equal("/usr/bin/python3.12", analysis.Tree.Find("/usr/bin/python")?.LinkTarget);
        Assert.Equal(77, analysis.Tree.Find("/" + longName)?.SizeBytes);
        Assert.Equal(33, analysis.Tree.Find("/" + longName.Replace("opt/", "gnu/", StringComparison.Ordinal))?.SizeBytes);
        Assert.Equal(8, analysis.Tree.Find("/srv/naïve-ünïcode-名前.txt")?.SizeBytes);
        Assert.Equal(1_000_000, analysis.Tree.Find("/var/log/lastlog")?.SizeBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_NonUtf8Name_KeepsTheEntry()
    {
        // Arrange
        var latin1 = Encoding.Latin1.GetBytes("srv/caf\u00e9.txt");
        var builder = new LayerTarBuilder(TarEntryFormat.Ustar).File("srv/ok.txt", 3).RawNameFile(latin1, 21);
        var save = SampleImages.Save([builder.Build()]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(2, analysis.Layers[0].FileCount);
        Assert.Equal(24, analysis.Layers[0].ContentBytes);
        var listing = analysis.Tree.ListDirectory("/srv");
        Assert.NotNull(listing);
        Assert.Equal(2, listing.TotalCount);
        Assert.Equal(24, listing.SizeBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_DotDotAndAbsoluteNames_IgnoresOrNormalisesWithReason()
    {
        // Arrange
        var tar = new LayerTarBuilder(TarEntryFormat.Gnu)
            .File("../../etc/evil", 10)
            .File("ok/../../escape", 20)
            .File("/abs/file", 30)
            .File("./rel/./file", 40)
            .Build();

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([tar]));

        // Assert
        Assert.Equal(2, analysis.Layers[0].FileCount);
        Assert.Equal(70, analysis.Layers[0].ContentBytes);
        Assert.Equal(30, analysis.Tree.Find("/abs/file")?.SizeBytes);
        Assert.Equal(40, analysis.Tree.Find("/rel/file")?.SizeBytes);
        Assert.Null(analysis.Tree.Find("/etc/evil"));
        Assert.Equal(3, analysis.Layers[0].Layer.Warnings.Count);
        Assert.Contains(analysis.Warnings, w => w.Contains("../../etc/evil", StringComparison.Ordinal) && w.Contains("ignored", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1024)]
    [InlineData(10240)]
    public async Task AnalyzeAsync_EmptyLayer_HasNoFilesAndTheDiffIdOfTheEmptyTar(int zeroBytes)
    {
        // Arrange
        var empty = new byte[zeroBytes];
        var save = SampleImages.Save([new LayerTarBuilder().File("a", 1).Build(), empty]);

        // Act
        var analysis = await SampleImages.AnalyzeOrFailAsync(save);

        // Assert
        Assert.Equal(SaveStreamBuilder.DiffId(empty), analysis.Layers[1].DiffId);
        Assert.Equal(0, analysis.Layers[1].FileCount);
        Assert.Empty(analysis.Layers[1].Layer.Entries);
        Assert.Equal(empty.Length, analysis.Layers[1].UncompressedSizeBytes);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public async Task AnalyzeAsync_TruncatedStream_FailsWithSentenceAndKeepsValidLayers(double keptFraction)
    {
        // Arrange
        var tars = new[]
        {
            new LayerTarBuilder().RandomFile("a", 40_000, seed: 4).Build(),
            new LayerTarBuilder().RandomFile("b", 40_000, seed: 5).Build(),
            new LayerTarBuilder().RandomFile("c", 40_000, seed: 6).Build(),
        };
        var save = SampleImages.Save(tars);
        var truncated = save.AsSpan(0, (int)(save.Length * keptFraction)).ToArray();

        // Act
        var result = await SampleImages.AnalyzeAsync(truncated);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Null(result.Analysis);
        Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
        Assert.EndsWith(".", result.FailureReason, StringComparison.Ordinal);
        Assert.All(result.Layers, layer => Assert.Contains(layer.DiffId, tars.Select(SaveStreamBuilder.DiffId)));
        var error = Assert.Throws<ImageAnalysisException>(result.GetAnalysisOrThrow);
        Assert.Equal(result.FailureReason, error.Message);
    }

    [Fact]
    public async Task AnalyzeAsync_StreamCutInsideALayer_SaysItIsTruncated()
    {
        // Arrange
        var save = SampleImages.Save([new LayerTarBuilder().RandomFile("a", 100_000, seed: 7).Build()]);
        var truncated = save.AsSpan(0, 50_000).ToArray();

        // Act
        var result = await SampleImages.AnalyzeAsync(truncated);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("truncated", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_CorruptGzipLayer_FailsNamingTheLayerAndKeepsTheOthers()
    {
        // Arrange
        var good = new LayerTarBuilder().File("good", 10).Build();
        var bad = new LayerTarBuilder().RandomFile("bad", 30_000, seed: 8).Build();
        var save = SampleImages.Save([good, bad], SaveLayout.Oci, LayerBlobCompression.Gzip);
        var badBlob = SaveStreamBuilder.Compress(bad, LayerBlobCompression.Gzip);
        var at = save.AsSpan().IndexOf(badBlob.AsSpan(0, 64));
        for (var i = at + 2000; i < at + 2400; i++)
        {
            save[i] ^= 0x5a;
        }

        // Act
        var result = await SampleImages.AnalyzeAsync(save);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("could not be read", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(SaveStreamBuilder.DiffId(good), Assert.Single(result.Layers).DiffId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(5000)]
    public async Task AnalyzeAsync_NotASaveStream_FailsWithSentence(int length)
    {
        // Arrange
        var garbage = new byte[length];
        new Random(9).NextBytes(garbage);

        // Act
        var result = await SampleImages.AnalyzeAsync(garbage);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Matches("^[A-Z].*\\.$", result.FailureReason);
    }

    [Fact]
    public async Task AnalyzeAsync_ManifestMissing_FailsSayingSo()
    {
        // Arrange
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "abc/layer.tar") { DataStream = new MemoryStream(new LayerTarBuilder().File("x", 1).Build()) });
        }

        // Act
        var result = await SampleImages.AnalyzeAsync(output.ToArray());

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("manifest.json", result.FailureReason, StringComparison.Ordinal);
        Assert.Single(result.Layers);
    }

    [Fact]
    public async Task AnalyzeAsync_Cancelled_Throws()
    {
        // Arrange
        var save = SampleImages.Save(SampleImages.WasteLadder());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Act / Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ImageSaveAnalyzer().AnalyzeAsync(new NonSeekableReadStream(save), cancellation.Token));
    }
}
