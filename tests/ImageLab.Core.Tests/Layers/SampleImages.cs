using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Layers;

/// <summary>Layer sets shared by several tests, with their hand-computed expectations in the tests themselves.</summary>
internal static class SampleImages
{
    /// <summary>
    /// Layer 0: /app/a 100, /app/b 200, /etc/conf 50, /data/x 300, /data/y 400.
    /// Layer 1: /app/a 100 again (a chmod), /app/b 250, deletes /etc/conf, adds /tmp/big 1000.
    /// Layer 2: deletes /tmp/big, makes /data opaque and adds /data/z 10.
    /// </summary>
    public static byte[][] WasteLadder() =>
    [
        new LayerTarBuilder()
            .Directory("app").File("app/a", 100).File("app/b", 200)
            .Directory("etc").File("etc/conf", 50)
            .Directory("data").File("data/x", 300).File("data/y", 400)
            .Build(),
        new LayerTarBuilder()
            .Directory("app").File("app/a", 100).File("app/b", 250)
            .Directory("etc").Whiteout("etc/conf")
            .Directory("tmp").File("tmp/big", 1000)
            .Build(),
        new LayerTarBuilder()
            .Directory("tmp").Whiteout("tmp/big")
            .Directory("data").Opaque("data").File("data/z", 10)
            .Build(),
    ];

    public static byte[] Save(IEnumerable<byte[]> layers, SaveLayout layout = SaveLayout.Legacy, LayerBlobCompression compression = LayerBlobCompression.None)
    {
        var builder = new SaveStreamBuilder { Layout = layout };
        foreach (var layer in layers)
        {
            builder.Layer(layer, compression);
        }

        return builder.Build();
    }

    public static async Task<ImageAnalysisResult> AnalyzeAsync(byte[] save, ImageAnalysisOptions? options = null, ILayerAnalysisCache? cache = null)
    {
        var analyzer = new ImageSaveAnalyzer(options, cache);
        return await analyzer.AnalyzeAsync(new NonSeekableReadStream(save), CancellationToken.None);
    }

    public static async Task<ImageAnalysis> AnalyzeOrFailAsync(byte[] save, ImageAnalysisOptions? options = null, ILayerAnalysisCache? cache = null)
    {
        var result = await AnalyzeAsync(save, options, cache);
        Assert.True(result.Succeeded, result.FailureReason);
        return result.Analysis!;
    }
}
