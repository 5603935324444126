using System.Net;
using System.Net.Http.Headers;

namespace ImageLab.Docker.Builds;

/// <summary>
/// The build context as a streamed <c>application/x-tar</c> request body. A failure while reading the
/// caller's stream (e.g. the context grew past its limit) is kept, so that the build reports it instead
/// of an anonymous transport error.
/// </summary>
internal sealed class RequestBodyContent : HttpContent
{
    private readonly Stream _source;

    public RequestBodyContent(Stream source)
    {
        _source = source;
        Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
    }

    public Exception? SourceFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (true)
        {
            int read;
            try
            {
                read = await _source.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SourceFailure = ex;
                throw;
            }

            if (read == 0)
            {
                return;
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
