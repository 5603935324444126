using ImageLab.Core.Anatomy;
using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Layers;

/// <summary>
/// The analysis of one image: its layers in order, the merged file tree, waste (own definition and dive's) and
/// findings. Built by <see cref="ImageSaveAnalyzer"/> from a save stream, or with <see cref="FromLayers"/> from layer
/// analyses the caller already holds (e.g. every DiffID of <c>docker image inspect</c> was cached), which needs no
/// save stream at all.
/// </summary>
public sealed class ImageAnalysis
{
    private readonly ImageAnalysisOptions _options;

    private ImageAnalysis(IReadOnlyList<LayerAnalysis> layers, ImageAnalysisOptions options, ImageMetadata metadata)
    {
        _options = options;
        ImageId = metadata.ImageId;
        RepoTags = metadata.RepoTags ?? [];
        Layout = metadata.Layout;

        var builder = new TreeBuilder(options, trackFindings: true);
        foreach (var layer in layers)
        {
            builder.AddLayer(layer);
        }

        Tree = new FileTree(builder);
        Findings = builder.BuildFindings();
        (DiveEfficiency, DiveWastedBytes) = builder.DiveScore();

        var summaries = new List<LayerSummary>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var stats = builder.Stats[i];
            summaries.Add(new LayerSummary
            {
                Index = i,
                Layer = layers[i],
                CreatedBy = metadata.CreatedBy is { } createdBy && i < createdBy.Count ? createdBy[i] : null,
                IsBaseLayer = i < options.FirstOwnLayerIndex,
                AddedFileCount = stats.AddedFiles,
                AddedBytes = stats.AddedBytes,
                ModifiedFileCount = stats.ModifiedFiles,
                ModifiedBytes = stats.ModifiedBytes,
                DeletedFileCount = stats.DeletedFiles,
                DeletedBytes = stats.DeletedBytes,
                WastedBytes = stats.WastedBytes,
                LargestFiles = LargestFiles(layers[i], options.LargestFilesPerLayer),
                Findings = Findings.Where(f => f.LayerIndex == i).ToList(),
            });
            UncompressedSizeBytes += layers[i].UncompressedSizeBytes;
            CompressedSizeBytes += layers[i].CompressedSizeBytes;
            ContentBytes += layers[i].ContentBytes;
            WastedBytes += stats.WastedBytes;
        }

        Layers = summaries;
        Warnings = (metadata.Warnings ?? []).Concat(layers.SelectMany((layer, i) => layer.Warnings.Select(w => $"Layer {i}: {w}"))).ToList();
        UserWaste = GetUserWaste(options.FirstOwnLayerIndex);
        var diveUserBytes = layers.Skip(1).Sum(l => l.ContentBytes);
        DiveUserWastedPercent = diveUserBytes == 0 ? 0 : 100.0 * DiveWastedBytes / diveUserBytes;
    }

    /// <summary>The config digest ("sha256:…") when known.</summary>
    public string? ImageId { get; }

    public IReadOnlyList<string> RepoTags { get; }

    public SaveLayout Layout { get; }

    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>The final file system of the image.</summary>
    public FileTree Tree { get; }

    /// <summary>Sum of the layers' uncompressed tar sizes.</summary>
    public long UncompressedSizeBytes { get; }

    /// <summary>Sum of the layers' push sizes (see <see cref="LayerAnalysis.CompressedSizeSource"/>).</summary>
    public long CompressedSizeBytes { get; }

    /// <summary>Sum of the regular-file bytes every layer writes (what <c>docker history</c> adds up to).</summary>
    public long ContentBytes { get; }

    /// <summary>Bytes of file copies that do not survive into the final image; the surviving copy is never counted.</summary>
    public long WastedBytes { get; }

    public double WastedPercent => ContentBytes == 0 ? 0 : 100.0 * WastedBytes / ContentBytes;

    /// <summary>Waste in the image's own layers, from <see cref="ImageAnalysisOptions.FirstOwnLayerIndex"/> on.</summary>
    public UserWaste UserWaste { get; }

    /// <summary>
    /// dive's efficiency score, reproduced: for every path written (or whited out) by any layer, the smallest copy
    /// over the sum of all copies, summed over paths. 1 means no path was ever written twice.
    /// </summary>
    public double DiveEfficiency { get; }

    /// <summary>dive's "wasted" bytes: all copies, the surviving one included, of every path written by 2+ layers.</summary>
    public long DiveWastedBytes { get; }

    /// <summary>dive's user-wasted percent: <see cref="DiveWastedBytes"/> over the bytes of every layer but the first.</summary>
    public double DiveUserWastedPercent { get; }

    /// <summary>Known waste patterns, largest first.</summary>
    public IReadOnlyList<WasteFinding> Findings { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Builds the analysis of an image from its layers, lowest first (the order of <c>rootfs.diff_ids</c>).</summary>
    public static ImageAnalysis FromLayers(
        IReadOnlyList<LayerAnalysis> layers,
        ImageAnalysisOptions? options = null,
        ImageMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return new ImageAnalysis(layers, options ?? ImageAnalysisOptions.Default, metadata ?? new ImageMetadata());
    }

    /// <summary>
    /// Where the bytes come from: by package, kind and unowned folder (computed on each call); null when a layer was
    /// analyzed before ImageLab read package databases (analyzing the image again fills them in). A layer analyzed
    /// before ImageLab read ELF debug sections counts debug info by path only (<see cref="ImageAnatomy.ReadDebugSections"/>).
    /// </summary>
    public ImageAnatomy? GetAnatomy() =>
        Layers.All(layer => layer.Layer.PackageDatabases is not null)
            ? ImageAnatomy.Build([.. Layers.Select(layer => new AnatomyLayer(layer.Layer.Entries, layer.Layer.PackageDatabases!, layer.Layer.DebugSectionBytes))])
            : null;

    /// <summary>Waste in layers at index <paramref name="firstOwnLayerIndex"/> and above, over those layers' content bytes.</summary>
    public UserWaste GetUserWaste(int firstOwnLayerIndex)
    {
        long wasted = 0, own = 0;
        for (var i = Math.Max(0, firstOwnLayerIndex); i < Layers.Count; i++)
        {
            wasted += Layers[i].WastedBytes;
            own += Layers[i].ContentBytes;
        }

        return new UserWaste(firstOwnLayerIndex, wasted, own, own == 0 ? 0 : 100.0 * wasted / own);
    }

    /// <summary>The tree as it stands after layer <paramref name="layerIndex"/> (what a container of that step sees). Built on each call.</summary>
    public FileTree GetTreeAtLayer(int layerIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layerIndex, Layers.Count);
        if (layerIndex == Layers.Count - 1)
        {
            return Tree;
        }

        var builder = new TreeBuilder(_options, trackFindings: false);
        for (var i = 0; i <= layerIndex; i++)
        {
            builder.AddLayer(Layers[i].Layer);
        }

        return new FileTree(builder);
    }

    private static List<LayerFile> LargestFiles(LayerAnalysis layer, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var heap = new PriorityQueue<LayerEntry, long>(count + 1);
        foreach (var entry in layer.Entries)
        {
            if (entry.Kind != LayerEntryKind.File)
            {
                continue;
            }

            if (heap.Count < count)
            {
                heap.Enqueue(entry, entry.SizeBytes);
            }
            else if (heap.TryPeek(out _, out var smallest) && entry.SizeBytes > smallest)
            {
                heap.DequeueEnqueue(entry, entry.SizeBytes);
            }
        }

        var largest = new List<LayerFile>(heap.Count);
        while (heap.TryDequeue(out var entry, out _))
        {
            largest.Add(new LayerFile(entry.Path, entry.SizeBytes));
        }

        largest.Reverse();
        return largest;
    }
}
