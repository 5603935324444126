using ImageLab.Core.IO;

namespace ImageLab.Docker.Engine;

/// <summary>A response body that disposes its response (and frees the connection) with it.</summary>
internal sealed class ResponseStream(HttpResponseMessage response, Stream inner) : ReadOnlyStream
{
    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}
