using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

public sealed class LayerAnalysisCacheTests
{
    /// <summary>Counts calls through the seam and how many layers were stored, around the in-memory cache.</summary>
    private sealed class CountingCache : ILayerAnalysisCache
    {
        public InMemoryLayerAnalysisCache Inner { get; } = new();

        public List<string> Lookups { get; } = [];

        public ValueTask<LayerAnalysis?> TryGetAsync(string key, CancellationToken cancellationToken)
        {
            Lookups.Add(key);
            return Inner.TryGetAsync(key, cancellationToken);
        }

        public ValueTask StoreAsync(LayerAnalysis analysis, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken) =>
            Inner.StoreAsync(analysis, aliases, cancellationToken);
    }

    [Theory]
    [InlineData(SaveLayout.Oci, LayerBlobCompression.None)]
    [InlineData(SaveLayout.Oci, LayerBlobCompression.Gzip)]
    [InlineData(SaveLayout.Legacy, LayerBlobCompression.None)]
    public async Task AnalyzeAsync_SecondImageSharesBase_BaseComesFromCache(SaveLayout layout, LayerBlobCompression compression)
    {
        // Arrange
        var baseLayer = new LayerTarBuilder().Directory("usr").RandomFile("usr/big", 200_000, seed: 11).Build();
        var first = SampleImages.Save([baseLayer, new LayerTarBuilder().File("one", 1).Build()], layout, compression);
        var second = SampleImages.Save([baseLayer, new LayerTarBuilder().File("two", 2).Build()], layout, compression);
        var cache = new CountingCache();
        var analyzer = new ImageSaveAnalyzer(cache: cache);

        // Act
        var firstResult = await analyzer.AnalyzeAsync(new NonSeekableReadStream(first), CancellationToken.None);
        var secondResult = await analyzer.AnalyzeAsync(new NonSeekableReadStream(second), CancellationToken.None);

        // Assert
        Assert.True(firstResult.Succeeded, firstResult.FailureReason);
        Assert.True(secondResult.Succeeded, secondResult.FailureReason);
        Assert.Equal((0, 2), (firstResult.LayersFromCache, firstResult.LayersAnalyzed));
        Assert.Equal((1, 1), (secondResult.LayersFromCache, secondResult.LayersAnalyzed));
        Assert.Equal(3, cache.Inner.Stores);
        Assert.Same(firstResult.Analysis!.Layers[0].Layer, secondResult.Analysis!.Layers[0].Layer);
        Assert.Equal(2, secondResult.Analysis.Tree.Find("/two")?.SizeBytes);
        Assert.Equal(200_000, secondResult.Analysis.Tree.Find("/usr/big")?.SizeBytes);
    }

    [Fact]
    public async Task AnalyzeAsync_UncompressedOciBlob_LooksUpByBlobDigestWhichIsTheDiffId()
    {
        // Arrange
        var tar = new LayerTarBuilder().File("x", 10).Build();
        var cache = new CountingCache();

        // Act
        await SampleImages.AnalyzeOrFailAsync(SampleImages.Save([tar], SaveLayout.Oci), cache: cache);

        // Assert
        Assert.Equal([SaveStreamBuilder.DiffId(tar)], cache.Lookups);
    }

    [Fact]
    public async Task AnalyzeAsync_MetadataFirstLegacy_LooksUpByDiffIdBeforeReading()
    {
        // Arrange
        var tar = new LayerTarBuilder().File("x", 10).Build();
        var save = new SaveStreamBuilder { Layout = SaveLayout.Legacy, MetadataFirst = true }.Layer(tar).Build();
        var cache = new CountingCache();

        // Act
        await SampleImages.AnalyzeOrFailAsync(save, cache: cache);

        // Assert
        Assert.Equal([SaveStreamBuilder.DiffId(tar), "legacy:" + SaveStreamBuilder.LegacyId(tar)], cache.Lookups);
    }

    [Fact]
    public async Task FromLayers_AllLayersCached_BuildsTheSameAnalysisWithoutAStream()
    {
        // Arrange
        var tars = SampleImages.WasteLadder();
        var cache = new InMemoryLayerAnalysisCache();
        var streamed = await SampleImages.AnalyzeOrFailAsync(SampleImages.Save(tars), cache: cache);
        var cached = new List<LayerAnalysis>();
        foreach (var diffId in tars.Select(SaveStreamBuilder.DiffId))
        {
            cached.Add((await cache.TryGetAsync(diffId, CancellationToken.None))!);
        }

        // Act
        var rebuilt = ImageAnalysis.FromLayers(cached);

        // Assert
        Assert.Equal(streamed.WastedBytes, rebuilt.WastedBytes);
        Assert.Equal(streamed.DiveEfficiency, rebuilt.DiveEfficiency);
        Assert.Equal(streamed.Tree.TotalBytes, rebuilt.Tree.TotalBytes);
        Assert.Equal(streamed.Findings.Count, rebuilt.Findings.Count);
    }
}
