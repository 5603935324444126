namespace ImageLab.Core.Layers;

/// <summary>Knobs of <see cref="ImageSaveAnalyzer"/> and <see cref="ImageAnalysis.FromLayers"/>; the defaults suit the pipeline.</summary>
public sealed class ImageAnalysisOptions
{
    /// <summary>Gzip every uncompressed layer while it streams to learn its push size; costs most of the analysis time.</summary>
    public bool EstimateCompressedSize { get; init; } = true;

    public ICompressedSizeEstimator CompressedSizeEstimator { get; init; } = new GzipCompressedSizeEstimator();

    /// <summary>
    /// Every blob of the save stream is pushed as it is stored, compressed or not: true for the containerd image store,
    /// whose <c>docker save</c> hands over its content blobs, so each blob's own size is its push size and nothing is
    /// estimated. False for graph drivers, which save plain tars and gzip them on push.
    /// </summary>
    public bool BlobsArePushedAsStored { get; init; }

    /// <summary>Index of the first layer the image's own Dockerfile wrote; lower layers are the base image. Dive uses 1.</summary>
    public int FirstOwnLayerIndex { get; init; } = 1;

    public int LargestFilesPerLayer { get; init; } = 10;

    /// <summary>
    /// Keep what the byte anatomy needs while the layers stream: the package databases' texts and the bytes of the ELF
    /// debug sections. Off only in bench/layer-analysis.sh, to measure what the anatomy costs; an analysis without them
    /// has no anatomy.
    /// </summary>
    internal bool ReadAnatomyInputs { get; init; } = true;

    /// <summary>A single file at least this large gets a <see cref="WastePatternIds.LargeFile"/> finding.</summary>
    public long LargeFileThresholdBytes { get; init; } = 100L * 1024 * 1024;

    public int FindingExamplePaths { get; init; } = 5;

    /// <summary>JSON documents (manifests, configs) larger than this are not read into memory.</summary>
    public int MaxJsonDocumentBytes { get; init; } = 8 * 1024 * 1024;

    public static ImageAnalysisOptions Default { get; } = new();
}
