using ImageLab.Core.Formatting;
using ImageLab.Core.IO;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// An unpacked archive as its reader sees it, every byte (headers, PAX records, link names, contents, padding)
/// counted against the context's limit; past it, reading stops with the same sentence as a context that is too large.
/// </summary>
internal sealed class ArchiveReadBudgetStream(Stream inner, long maxBytes) : ReadOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            throw new BuildContextException(
                $"The build context is larger than the limit of {ByteSize.Format(maxBytes)} once unpacked (contents, headers and names count); leave out what the build does not need with a .dockerignore.")
            {
                TooLarge = true,
            };
        }

        return read;
    }
}
