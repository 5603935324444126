using System.Buffers;
using System.IO.Compression;

namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// Counts a layer's gzip size the way pigz compresses: the layer is cut into fixed-size chunks, each chunk is deflated
/// on its own on the thread pool while the reader carries on, and the sizes are summed with the gzip framing. The
/// reader only copies bytes into a pooled chunk; it waits only when <c>maxInFlight</c> chunks are still compressing,
/// which bounds memory to <c>(maxInFlight + 1) * chunkBytes</c>. Independent chunks lose the previous 32 KiB window at
/// each cut, a fraction of a percent for chunks of megabytes (measured in bench/ImageLab.Benchmarks/Layers/README.md).
/// A layer smaller than one chunk is counted exactly as one gzip stream.
/// </summary>
internal sealed class ChunkedDeflateCounter(int level, int chunkBytes, int maxInFlight) : ICompressedSizeCounter
{
    /// <summary>Gzip's 10-byte header (no name, no comment, as Go and .NET write it) and 8-byte CRC/size trailer.</summary>
    private const int GzipFramingBytes = 18;

    private static readonly ArrayPool<byte> Chunks = ArrayPool<byte>.Create(maxArrayLength: 64 * 1024 * 1024, maxArraysPerBucket: 4 * Environment.ProcessorCount);

    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private readonly List<Task<long>> _compressing = [];
    private byte[]? _chunk;
    private int _filled;
    private long? _result;

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var taken = Fill(data.Span);
            data = data[taken..];
            if (_filled == chunkBytes)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                Dispatch();
            }
        }
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var taken = Fill(data);
            data = data[taken..];
            if (_filled == chunkBytes)
            {
                _slots.Wait();
                Dispatch();
            }
        }
    }

    public async ValueTask<long> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_result is null)
        {
            if (_filled > 0 || _compressing.Count == 0)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                Dispatch();
            }

            var deflated = await Task.WhenAll(_compressing).ConfigureAwait(false);
            _result = GzipFramingBytes + deflated.Sum();
        }

        return _result.Value;
    }

    public void Dispose()
    {
        // Chunks still compressing return their own buffers; only the one being filled is ours to give back.
        if (_chunk is not null)
        {
            Chunks.Return(_chunk);
            _chunk = null;
        }
    }

    private int Fill(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_result is not null, this);
        _chunk ??= Chunks.Rent(chunkBytes);
        var taken = Math.Min(data.Length, chunkBytes - _filled);
        data[..taken].CopyTo(_chunk.AsSpan(_filled));
        _filled += taken;
        return taken;
    }

    /// <summary>Hands the filled chunk to the thread pool; the caller holds one of the slots.</summary>
    private void Dispatch()
    {
        var chunk = _chunk ?? Chunks.Rent(chunkBytes);
        var length = _filled;
        _chunk = null;
        _filled = 0;
        _compressing.Add(Task.Run(() =>
        {
            try
            {
                return DeflatedLength(chunk, length, level);
            }
            finally
            {
                Chunks.Return(chunk);
                _slots.Release();
            }
        }));
    }

    private static long DeflatedLength(byte[] chunk, int length, int level)
    {
        var sink = new CountingNullStream();
        using (var deflate = new DeflateStream(sink, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(chunk, 0, length);
        }

        return sink.Length;
    }
}
