using ImageLab.Core.IO;

namespace ImageLab.Benchmarks.Layers;

/// <summary>A non-seekable view of an in-memory save stream, as the engine's HTTP response would be.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : ReadOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, data.Length - _position);
        data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}
