namespace ImageLab.Core.Layers;

/// <summary>One layer's compressed-size count in progress; see <see cref="ICompressedSizeEstimator"/>.</summary>
public interface ICompressedSizeCounter : IDisposable
{
    /// <summary>Takes the next bytes of the layer; may wait (without blocking a thread) while earlier bytes compress.</summary>
    ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>As <see cref="AppendAsync"/>, blocking the calling thread when it has to wait.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Flushes the compressor and returns the compressed size in bytes, container framing included.</summary>
    ValueTask<long> CompleteAsync(CancellationToken cancellationToken);
}
