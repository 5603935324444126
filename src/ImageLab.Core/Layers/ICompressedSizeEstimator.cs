namespace ImageLab.Core.Layers;

/// <summary>
/// Estimates the size a registry stores for a layer by compressing its uncompressed tar while it streams.
/// <see cref="GzipCompressedSizeEstimator"/> is the default; a faster, sampling or native implementation can be
/// plugged in through <see cref="ImageAnalysisOptions.CompressedSizeEstimator"/>.
/// </summary>
public interface ICompressedSizeEstimator
{
    /// <summary>Starts counting one layer; the caller appends every byte of the layer tar, then completes.</summary>
    ICompressedSizeCounter Start();
}
