namespace ImageLab.Core.Layers;

/// <summary>One layer's compressed-size count in progress; see <see cref="ICompressedSizeEstimator"/>.</summary>
public interface ICompressedSizeCounter : IDisposable
{
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Flushes the compressor and returns the compressed size in bytes, container framing included.</summary>
    long Complete();
}
