namespace ImageLab.Core.BuildContexts;

/// <summary>
/// The content of one context file as <see cref="System.Formats.Tar.TarWriter"/> reads it: the length
/// is known up front (so the writer can put it in the header without seeking the output), every byte
/// is counted against the context's budget, and a file that shrinks while it is read is an error.
/// </summary>
internal sealed class ContextDataStream(Stream inner, long length, string path, ContextBudget budget) : Stream
{
    private long _read;

    public override bool CanRead => true;

    // TarWriter asks a data stream for Length and Position only when it says it can seek.
    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _read);
        if (wanted <= 0)
        {
            return 0;
        }

        return Account(inner.Read(buffer[..wanted]), wanted);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _read);
        if (wanted <= 0)
        {
            return 0;
        }

        return Account(await inner.ReadAsync(buffer[..wanted], cancellationToken), wanted);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Account(int read, int wanted)
    {
        if (read == 0 && wanted > 0)
        {
            throw new BuildContextException($"File '{path}' changed while the build context was being packaged: it ended after {_read} of {length} bytes.");
        }

        _read += read;
        budget.Add(read);
        return read;
    }
}
