using System.Formats.Tar;
using System.Text;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// What a stored build context holds, read from its tar without keeping any file: each regular file's path and size,
/// and the text of its <c>.dockerignore</c> (null when it has none). What the rewrites that edit the context start from.
/// </summary>
/// <param name="Files">The regular files, paths relative to the context root.</param>
/// <param name="DockerIgnore">The root <c>.dockerignore</c> as stored; null when the context has none.</param>
public sealed record ContextInventory(IReadOnlyList<DockerfileContextFile> Files, string? DockerIgnore)
{
    /// <summary>The context's <c>.dockerignore</c> path.</summary>
    public const string DockerIgnoreName = ContextTarBuilder.DockerIgnoreName;

    /// <summary>Reads the tar stream <paramref name="context"/> to its end, leaving it open.</summary>
    /// <exception cref="BuildContextException">The context's <c>.dockerignore</c> is larger than ImageLab reads (1 MB).</exception>
    public static async Task<ContextInventory> ReadAsync(Stream context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new List<DockerfileContextFile>();
        string? dockerIgnore = null;
        await using var reader = new TarReader(context, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }

            var path = ContextPath.Clean(entry.Name);
            files.Add(new DockerfileContextFile(path, entry.Length));
            if (path == DockerIgnoreName && entry.DataStream is { } data)
            {
                if (entry.Length > BuildContextWriter.MaxDockerIgnoreBytes)
                {
                    throw BuildContextWriter.DockerIgnoreTooLarge();
                }

                // Read as it is, byte order mark included: a rewrite appends to it and keeps it byte for byte.
                using var text = new StreamReader(data, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                dockerIgnore = await text.ReadToEndAsync(cancellationToken);
            }
        }

        return new ContextInventory(files, dockerIgnore);
    }
}
