using System.Formats.Tar;
using System.IO.Compression;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// Packages a build context into the tar stream the engine's <c>POST /build</c> takes, entry by entry,
/// never holding the context in memory. Every source honours the context's <c>.dockerignore</c>,
/// checks the Dockerfiles before the first byte is written, and stops with a
/// <see cref="BuildContextException"/> at the size limit or at a path that leaves the context.
/// </summary>
/// <remarks>
/// An uploaded archive may list its <c>.dockerignore</c> after the files it excludes, so archives are
/// taken as a file on disk (ASP.NET spools uploads to disk anyway) and read twice: a first pass finds
/// the <c>.dockerignore</c> and the Dockerfiles, a second pass streams the entries. That costs a second
/// read (and a second gunzip) of the archive but no memory.
/// </remarks>
public static class BuildContextWriter
{
    /// <summary>The largest <c>.dockerignore</c> ImageLab reads.</summary>
    internal const int MaxDockerIgnoreBytes = 1 << 20;
    private const int MaxLinkTargetBytes = 4096;

    /// <summary>Packages a folder on disk. Symbolic links are sent as links; those that leave the folder are refused.</summary>
    public static async Task<BuildContextSummary> WriteDirectoryAsync(
        string directory,
        Stream destination,
        BuildContextOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var root = new DirectoryInfo(directory);
        if (!root.Exists)
        {
            throw new BuildContextException($"The build context folder '{directory}' does not exist.");
        }

        var given = NormalizeGiven(options);
        if (given.Count == 0 && !root.EnumerateFileSystemInfos().Any())
        {
            throw EmptyContext();
        }

        var dockerfiles = NormalizeDockerfiles(options);
        foreach (var dockerfile in dockerfiles.Where(d => !given.ContainsKey(d)))
        {
            var file = new FileInfo(Path.Combine(root.FullName, dockerfile));
            CheckDockerfile(dockerfile, file.Exists && file.LinkTarget is null ? file.Length : null);
        }

        var ignore = await ReadIgnoreFileAsync(Path.Combine(root.FullName, ContextTarBuilder.DockerIgnoreName), cancellationToken);
        var builder = new ContextTarBuilder(destination, ignore, dockerfiles, given, options.MaxTotalBytes);
        await using (builder)
        {
            await WalkAsync(root, string.Empty, builder, cancellationToken);
            await builder.AddGivenDockerfilesAsync(cancellationToken);
        }

        return builder.Summary;
    }

    /// <summary>
    /// Packages an uploaded archive (<c>.tar</c>, <c>.tar.gz</c>/<c>.tgz</c> or <c>.zip</c>, told apart by
    /// content) unpacked at the context root. The archive is read twice; see the remarks of the class.
    /// </summary>
    public static async Task<BuildContextSummary> WriteArchiveAsync(
        string archivePath,
        Stream destination,
        BuildContextOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(archivePath))
        {
            throw new BuildContextException($"The build context archive '{archivePath}' does not exist.");
        }

        var dockerfiles = NormalizeDockerfiles(options);
        var given = NormalizeGiven(options);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var ignore = DockerIgnoreMatcher.Empty;
        var fileCount = 0;
        var listing = new ContextBudget(options.MaxTotalBytes);
        await ForEachArchiveEntryAsync(archivePath, options.MaxTotalBytes, async (entry, ct) =>
        {
            listing.AddEntry(entry.Path, entry.LinkTarget);
            if (entry.Kind == ArchiveEntryKind.Directory)
            {
                return;
            }

            fileCount++;
            if (entry.Kind == ArchiveEntryKind.File)
            {
                sizes[entry.Path] = entry.Length;
                if (entry.Path == ContextTarBuilder.DockerIgnoreName)
                {
                    ignore = await ReadIgnoreAsync(entry.Open(), ct);
                }
            }
        }, cancellationToken);

        if (fileCount == 0 && given.Count == 0)
        {
            throw EmptyContext();
        }

        foreach (var dockerfile in dockerfiles.Where(d => !given.ContainsKey(d)))
        {
            CheckDockerfile(dockerfile, sizes.TryGetValue(dockerfile, out var size) ? size : null);
        }

        var builder = new ContextTarBuilder(destination, ignore, dockerfiles, given, options.MaxTotalBytes);
        await using (builder)
        {
            await ForEachArchiveEntryAsync(archivePath, options.MaxTotalBytes, async (entry, ct) =>
            {
                if (entry.Path.Length == 0 || builder.Skip(entry.Path))
                {
                    return;
                }

                switch (entry.Kind)
                {
                    case ArchiveEntryKind.File:
                        await builder.AddFileAsync(entry.Path, entry.Open(), entry.Length, entry.Mode, entry.Modified, ct);
                        break;
                    case ArchiveEntryKind.Directory:
                        await builder.AddDirectoryAsync(entry.Path, entry.Mode, entry.Modified, ct);
                        break;
                    case ArchiveEntryKind.SymbolicLink:
                        await builder.AddSymbolicLinkAsync(entry.Path, entry.LinkTarget!, entry.Modified, ct);
                        break;
                    case ArchiveEntryKind.HardLink:
                        await builder.AddHardLinkAsync(entry.Path, entry.LinkTarget!, entry.Modified, ct);
                        break;
                }
            }, cancellationToken);
            await builder.AddGivenDockerfilesAsync(cancellationToken);
        }

        return builder.Summary;
    }

    /// <summary>
    /// The regular files of an uploaded archive (paths inside the context), read without unpacking, so that
    /// a caller can find the Dockerfiles before packaging. Every entry's header, name and link target, and the
    /// archive's unpacked bytes, count against <paramref name="maxTotalBytes"/>, so the list stays bounded.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ListArchiveAsync(string archivePath, long maxTotalBytes, CancellationToken cancellationToken)
    {
        if (!File.Exists(archivePath))
        {
            throw new BuildContextException($"The build context archive '{archivePath}' does not exist.");
        }

        var files = new List<string>();
        var listing = new ContextBudget(maxTotalBytes);
        await ForEachArchiveEntryAsync(archivePath, maxTotalBytes, (entry, _) =>
        {
            listing.AddEntry(entry.Path, entry.LinkTarget);
            if (entry.Kind == ArchiveEntryKind.File)
            {
                files.Add(entry.Path);
            }

            return Task.CompletedTask;
        }, cancellationToken);
        return files;
    }

    /// <summary>
    /// The text (UTF-8) of the archive's regular files at <paramref name="paths"/>, read without unpacking; a file
    /// larger than <paramref name="maxBytesEach"/> is refused in words (Dockerfiles to edit are small).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadArchiveTextsAsync(
        string archivePath, IReadOnlyCollection<string> paths, long maxBytesEach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!File.Exists(archivePath))
        {
            throw new BuildContextException($"The build context archive '{archivePath}' does not exist.");
        }

        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await ForEachArchiveEntryAsync(archivePath, long.MaxValue, async (entry, ct) =>
        {
            if (entry.Kind != ArchiveEntryKind.File || !wanted.Contains(entry.Path))
            {
                return;
            }

            if (entry.Length > maxBytesEach)
            {
                throw new BuildContextException($"'{entry.Path}' is larger than {ByteSize.Format(maxBytesEach)}; that is not a Dockerfile to edit.");
            }

            var stream = entry.Open();
            await using (stream)
            {
                using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                texts[entry.Path] = await reader.ReadToEndAsync(ct);
            }
        }, cancellationToken);
        return texts;
    }

    private static async Task WalkAsync(DirectoryInfo directory, string relative, ContextTarBuilder builder, CancellationToken cancellationToken)
    {
        var children = directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var info in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = relative.Length == 0 ? info.Name : relative + "/" + info.Name;
            var excluded = builder.Skip(path);
            if (info.LinkTarget is { } target)
            {
                if (!excluded)
                {
                    await builder.AddSymbolicLinkAsync(path, target, info.LastWriteTimeUtc, cancellationToken);
                }
            }
            else if (info is DirectoryInfo child)
            {
                if (!excluded)
                {
                    await builder.AddDirectoryAsync(path, child.UnixFileMode, child.LastWriteTimeUtc, cancellationToken);
                    await WalkAsync(child, path, builder, cancellationToken);
                }
                else if (builder.WalkExcludedDirectory(path))
                {
                    await WalkAsync(child, path, builder, cancellationToken);
                }
            }
            else if (!excluded && info is FileInfo file)
            {
                var stream = new FileStream(file.FullName, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });
                await builder.AddFileAsync(path, stream, file.Length, file.UnixFileMode, file.LastWriteTimeUtc, cancellationToken);
            }
        }
    }

    private static List<string> NormalizeDockerfiles(BuildContextOptions options)
    {
        if (options.DockerfilePaths.Count == 0)
        {
            throw new BuildContextException("No Dockerfile was named for the build context.");
        }

        var result = new List<string>();
        foreach (var dockerfile in options.DockerfilePaths)
        {
            var path = ContextPath.Normalize(dockerfile, "Dockerfile path");
            if (path.Length == 0)
            {
                throw new BuildContextException($"Dockerfile path '{dockerfile}' names the context folder, not a file.");
            }

            result.Add(path);
        }

        return result;
    }

    private static Dictionary<string, string> NormalizeGiven(BuildContextOptions options)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in options.DockerfileTexts)
        {
            var normalized = ContextPath.Normalize(path, "Dockerfile path");
            if (normalized.Length == 0)
            {
                throw new BuildContextException($"Dockerfile path '{path}' names the context folder, not a file.");
            }

            given[normalized] = text;
        }

        return given;
    }

    private static void CheckDockerfile(string dockerfile, long? size)
    {
        if (size is null)
        {
            throw new BuildContextException($"Dockerfile '{dockerfile}' is not in the build context.");
        }

        if (size == 0)
        {
            throw new BuildContextException($"Dockerfile '{dockerfile}' is empty (0 bytes); a Dockerfile needs at least a FROM line.");
        }
    }

    private static BuildContextException EmptyContext() =>
        new("The build context is empty: it holds no files, not even a Dockerfile.");

    private static async Task<DockerIgnoreMatcher> ReadIgnoreFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return DockerIgnoreMatcher.Empty;
        }

        var stream = File.OpenRead(path);
        await using (stream)
        {
            return await ReadIgnoreAsync(stream, cancellationToken);
        }
    }

    /// <summary>What a <c>.dockerignore</c> over <see cref="MaxDockerIgnoreBytes"/> is refused with.</summary>
    internal static BuildContextException DockerIgnoreTooLarge() =>
        new($"The .dockerignore is larger than {ByteSize.Format(MaxDockerIgnoreBytes)}; that is not a list of patterns.");

    private static async Task<DockerIgnoreMatcher> ReadIgnoreAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxDockerIgnoreBytes)
            {
                throw DockerIgnoreTooLarge();
            }
        }

        buffer.Position = 0;
        return await DockerIgnoreMatcher.ReadAsync(buffer, cancellationToken);
    }

    private enum ArchiveEntryKind
    {
        File,
        Directory,
        SymbolicLink,
        HardLink,
    }

    private sealed record ArchiveEntry(
        string Path,
        ArchiveEntryKind Kind,
        long Length,
        UnixFileMode? Mode,
        DateTimeOffset Modified,
        string? LinkTarget,
        Func<Stream> Open);

    // A tar is read through a counter, so its headers and PAX records count against the limit as the entries' contents
    // do (a gzip of a million empty files or of one huge PAX record is small on the wire); a zip's central directory is
    // on disk, within the upload's own limit, and its entries are counted by the callers.
    private static async Task ForEachArchiveEntryAsync(
        string archivePath, long maxTotalBytes, Func<ArchiveEntry, CancellationToken, Task> visit, CancellationToken cancellationToken)
    {
        var file = new FileStream(archivePath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });
        await using (file)
        {
            var magic = new byte[4];
            var magicLength = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken);
            file.Position = 0;
            if (magicLength >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] is 3 or 5 && magic[3] is 4 or 6)
            {
                await ForEachZipEntryAsync(file, visit, cancellationToken);
            }
            else if (magicLength >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                await using (gzip)
                {
                    await ForEachTarEntryAsync(new ArchiveReadBudgetStream(gzip, maxTotalBytes), visit, cancellationToken);
                }
            }
            else
            {
                await ForEachTarEntryAsync(new ArchiveReadBudgetStream(file, maxTotalBytes), visit, cancellationToken);
            }
        }
    }

    private static async Task ForEachTarEntryAsync(Stream archive, Func<ArchiveEntry, CancellationToken, Task> visit, CancellationToken cancellationToken)
    {
        var reader = new TarReader(archive, leaveOpen: true);
        await using (reader)
        {
            while (true)
            {
                TarEntry? entry;
                try
                {
                    entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
                {
                    throw new BuildContextException($"The build context archive is not a valid .tar, .tar.gz or .zip file: {ex.Message}", ex);
                }

                if (entry is null)
                {
                    return;
                }

                var path = ContextPath.Normalize(entry.Name, "Archive entry");
                var kind = entry.EntryType switch
                {
                    TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => ArchiveEntryKind.File,
                    TarEntryType.Directory => ArchiveEntryKind.Directory,
                    TarEntryType.SymbolicLink => ArchiveEntryKind.SymbolicLink,
                    TarEntryType.HardLink => ArchiveEntryKind.HardLink,
                    _ => (ArchiveEntryKind?)null,
                };
                if (kind is null || (path.Length == 0 && kind != ArchiveEntryKind.Directory))
                {
                    continue;
                }

                var data = entry.DataStream;
                await visit(
                    new ArchiveEntry(path, kind.Value, entry.Length, entry.Mode, entry.ModificationTime, entry.LinkName, () => data ?? Stream.Null),
                    cancellationToken);
            }
        }
    }

    private static async Task ForEachZipEntryAsync(Stream archive, Func<ArchiveEntry, CancellationToken, Task> visit, CancellationToken cancellationToken)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new BuildContextException($"The build context archive is not a valid .zip file: {ex.Message}", ex);
        }

        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.FullName.Replace('\\', '/');
                var isDirectory = name.EndsWith('/');
                var path = ContextPath.Normalize(name, "Archive entry");
                var unixMode = (entry.ExternalAttributes >> 16) & 0xFFFF;
                var mode = unixMode == 0 ? (UnixFileMode?)null : (UnixFileMode)(unixMode & 0xFFF);
                if (isDirectory)
                {
                    await visit(new ArchiveEntry(path, ArchiveEntryKind.Directory, 0, mode, entry.LastWriteTime, null, () => Stream.Null), cancellationToken);
                }
                else if ((unixMode & 0xF000) == 0xA000)
                {
                    // A link's target is a path: read at most that much, whatever the entry claims to expand to.
                    var buffer = new byte[MaxLinkTargetBytes + 1];
                    int length;
                    var content = entry.Open();
                    await using (content)
                    {
                        length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                    }

                    if (length > MaxLinkTargetBytes)
                    {
                        throw new BuildContextException($"Symbolic link '{path}' in the archive has a target longer than {MaxLinkTargetBytes} bytes, which no path is.");
                    }

                    var target = System.Text.Encoding.UTF8.GetString(buffer, 0, length);

                    await visit(new ArchiveEntry(path, ArchiveEntryKind.SymbolicLink, 0, mode, entry.LastWriteTime, target, () => Stream.Null), cancellationToken);
                }
                else if (path.Length > 0)
                {
                    await visit(new ArchiveEntry(path, ArchiveEntryKind.File, entry.Length, mode, entry.LastWriteTime, null, entry.Open), cancellationToken);
                }
            }
        }
    }
}
