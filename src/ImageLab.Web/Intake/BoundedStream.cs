
namespace ImageLab.Web.Intake;

/// <summary>Passes bytes through and refuses, with <see cref="UploadTooLargeException"/>, once more than a limit went by.</summary>
public sealed class BoundedStream(Stream inner, long maxBytes, string name, bool writing = false) : Stream
{
    private long _count;

    public override bool CanRead => !writing && inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => writing && inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _count; set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Count(count);
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        _count += bytes;
        if (_count > maxBytes)
        {
            throw new UploadTooLargeException($"{name} is larger than the {ByteSize.Format(maxBytes)} still allowed for this context: remove large files or add a .dockerignore.");
        }

        return bytes;
    }
}
