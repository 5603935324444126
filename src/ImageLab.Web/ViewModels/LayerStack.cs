using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.ViewModels;

/// <summary>An image's layers laid side by side by size, bottom layer first, for the stacked layer charts.</summary>
public static class LayerStack
{
    public const int OwnShades = 6;

    /// <summary>The layers that take space (empty history entries have nothing to draw), scaled so that <paramref name="scaleBytes"/> is 100%.</summary>
    public static IReadOnlyList<LayerSegment> Build(IterationDetails iteration, long scaleBytes)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        var largest = LargestOwnLayer(iteration);
        var segments = new List<LayerSegment>();
        var own = 0;
        var baseShade = 0;
        foreach (var layer in iteration.Layers.Where(l => l.SizeBytes > 0).OrderBy(l => l.Index))
        {
            var shade = layer.FromBaseImage ? baseShade++ % 2 : own++ % OwnShades;
            var width = scaleBytes > 0 ? layer.SizeBytes * 100.0 / scaleBytes : 0;
            segments.Add(new LayerSegment(layer, width, layer.FromBaseImage, shade, ReferenceEquals(layer, largest), Title(layer)));
        }

        return segments;
    }

    public static LayerDetails? LargestOwnLayer(IterationDetails iteration)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        return iteration.Layers.Where(l => !l.FromBaseImage && l.SizeBytes > 0).MaxBy(l => l.SizeBytes);
    }

    public static long OwnBytes(IterationDetails iteration)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        return iteration.Layers.Where(l => !l.FromBaseImage).Sum(l => l.SizeBytes);
    }

    public static long BaseBytes(IterationDetails iteration)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        return iteration.Layers.Where(l => l.FromBaseImage).Sum(l => l.SizeBytes);
    }

    /// <summary>The push size (gzip) of the layers the Dockerfile added; null until the layer analysis has estimated it.</summary>
    public static long? OwnCompressedBytes(IterationDetails iteration) => CompressedBytes(iteration, fromBaseImage: false);

    /// <summary>The push size (gzip) of the base image's layers; null until the layer analysis has estimated it.</summary>
    public static long? BaseCompressedBytes(IterationDetails iteration) => CompressedBytes(iteration, fromBaseImage: true);

    private static long? CompressedBytes(IterationDetails iteration, bool fromBaseImage)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        return iteration.CompressedSizeBytes is null
            ? null
            : iteration.Layers.Where(l => l.FromBaseImage == fromBaseImage).Sum(l => l.CompressedSizeBytes ?? 0);
    }

    /// <summary>What a hover shows: the instruction, the size and where the layer comes from.</summary>
    public static string Title(LayerDetails layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var origin = layer.FromBaseImage ? "base image layer" : "own layer";
        return $"{LayerText.Shorten(LayerText.Describe(layer), 300)}\n{ByteSize.Format(layer.SizeBytes)} ({ByteSize.Exact(layer.SizeBytes)}) · {origin}";
    }
}
