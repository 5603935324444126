using System.IO.Pipelines;
using ImageLab.Core.IO;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// A readable stream fed by a context writer running beside it through a small pipe, so a context
/// can be packaged straight into an HTTP request body without being held anywhere. A failure of the
/// writer (e.g. a <see cref="BuildContextException"/>) surfaces on the reader's next read; disposing
/// the reader stops the writer.
/// </summary>
public sealed class BuildContextStream : ReadOnlyStream
{
    private const long PauseWriterBytes = 1 << 20;

    private readonly Stream _reader;
    private readonly CancellationTokenSource _stop;
    private readonly Task _writing;
    private int _disposed;

    private BuildContextStream(Stream reader, CancellationTokenSource stop, Task writing)
    {
        _reader = reader;
        _stop = stop;
        _writing = writing;
    }

    /// <summary>Starts <paramref name="write"/> (e.g. one of <see cref="BuildContextWriter"/>'s methods) into a pipe and returns its reading end.</summary>
    public static BuildContextStream Start(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseWriterBytes, resumeWriterThreshold: PauseWriterBytes / 2));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Run(
            async () =>
            {
                try
                {
                    var output = pipe.Writer.AsStream(leaveOpen: true);
                    await using (output)
                    {
                        await write(output, stop.Token);
                    }

                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception ex)
                {
                    await pipe.Writer.CompleteAsync(ex);
                }
            },
            CancellationToken.None);
        return new BuildContextStream(pipe.Reader.AsStream(), stop, writing);
    }

    public override int Read(Span<byte> buffer) => _reader.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _reader.ReadAsync(buffer, cancellationToken);

    // HttpClient's StreamContent disposes a request body more than once; the second call must be a no-op.
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Cancel();
            _reader.Dispose();
            _writing.ContinueWith(_ => _stop.Dispose(), TaskScheduler.Default);
        }

        base.Dispose(disposing);
    }
}
