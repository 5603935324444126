using System.Buffers;
using System.Security.Cryptography;
using ImageLab.Core.IO;

namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// Passes the uncompressed layer tar through while hashing it (the DiffID) and feeding the compressed-size counter,
/// so that content bytes are seen once and never kept.
/// </summary>
internal sealed class DigestingReadStream(Stream inner, ICompressedSizeCounter? counter) : ReadOnlyStream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            BytesRead += read;
            _sha256.AppendData(buffer.Span[..read]);
            if (counter is not null)
            {
                // Copies into the counter's chunk; waits only when every compressing thread is busy.
                await counter.AppendAsync(buffer[..read], cancellationToken).ConfigureAwait(false);
            }
        }

        return read;
    }

    /// <summary>Reads to the end: a tar reader stops at the end-of-archive blocks, the DiffID covers the padding after them.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public string GetDigest() => "sha256:" + Convert.ToHexStringLower(_sha256.GetHashAndReset());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Observe(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        BytesRead += data.Length;
        _sha256.AppendData(data);
        counter?.Append(data);
    }
}
