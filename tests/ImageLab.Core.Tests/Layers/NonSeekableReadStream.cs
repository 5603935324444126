using ImageLab.Core.IO;

namespace ImageLab.Core.Tests.Layers;

/// <summary>Behaves like a live HTTP response body: forward-only, no length, short reads.</summary>
internal sealed class NonSeekableReadStream(byte[] data, int maxChunk = 7919) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(buffer.Length, maxChunk), data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
