namespace ImageLab.Core.Layers;

/// <summary>Where <see cref="LayerAnalysis.CompressedSizeBytes"/> comes from.</summary>
public enum CompressedSizeSource
{
    /// <summary>Compression estimation was switched off; the value is 0.</summary>
    NotComputed,

    /// <summary>The blob is pushed as the save stream holds it (gzip, or any blob of the containerd store): its own size is what a registry stores.</summary>
    BlobSize,

    /// <summary>The uncompressed layer tar was gzip-compressed while streaming and the output counted.</summary>
    Estimated,
}
