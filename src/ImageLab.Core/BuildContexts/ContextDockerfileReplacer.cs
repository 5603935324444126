using System.Formats.Tar;
using System.Text;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// A stored build context with one Dockerfile's text replaced, streamed entry by entry (never held in memory): how a
/// suggested iteration, whose Dockerfile ImageLab wrote, is built from its experiment's context at its source's path.
/// </summary>
public static class ContextDockerfileReplacer
{
    private const long InMemoryEntryBytes = 1 << 20;

    /// <summary>
    /// A tar stream of <paramref name="context"/> in which the file at <paramref name="dockerfilePath"/> holds
    /// <paramref name="dockerfileText"/> (added when the context has no such file). Disposing it disposes <paramref name="context"/>.
    /// </summary>
    public static Stream Replace(Stream context, string dockerfilePath, string dockerfileText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        ArgumentNullException.ThrowIfNull(dockerfileText);
        var path = ContextPath.Normalize(dockerfilePath, "Dockerfile");
        return BuildContextStream.Start(
            async (destination, token) =>
            {
                await using var source = context;
                await using var reader = new TarReader(source, leaveOpen: true);
                await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
                var replaced = false;
                while (await reader.GetNextEntryAsync(copyData: false, token) is { } entry)
                {
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                        && string.Equals(entry.Name.TrimStart('.', '/'), path, StringComparison.Ordinal))
                    {
                        await WriteDockerfileAsync(writer, entry.Name, dockerfileText, token);
                        replaced = true;
                        continue;
                    }

                    await using var data = await SeekableCopyAsync(entry, token);
                    entry.DataStream = data;
                    await writer.WriteEntryAsync(entry, token);
                }

                if (!replaced)
                {
                    await WriteDockerfileAsync(writer, path, dockerfileText, token);
                }
            },
            cancellationToken);
    }

    // TarWriter needs to seek in an entry's data when the archive it writes cannot be sought: one entry at a time is
    // copied to memory when small, else to a temporary file deleted on close, so the context is never held whole.
    private static async Task<Stream?> SeekableCopyAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.DataStream is not { } source)
        {
            return null;
        }

        Stream copy = entry.Length <= InMemoryEntryBytes
            ? new MemoryStream()
            : new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await source.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }

    private static async Task WriteDockerfileAsync(TarWriter writer, string name, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var entry = ContextTarBuilder.NewEntry(TarEntryType.RegularFile, name, size: bytes.Length);
        entry.DataStream = new MemoryStream(bytes);
        entry.Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        entry.ModificationTime = DateTimeOffset.UnixEpoch;
        await writer.WriteEntryAsync(entry, cancellationToken);
    }
}
