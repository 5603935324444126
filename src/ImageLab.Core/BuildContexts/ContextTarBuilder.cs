using System.Formats.Tar;
using System.Text;
using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// Writes the entries of one build context into a tar stream, one at a time: applies the
/// <c>.dockerignore</c>, keeps the Dockerfiles and the <c>.dockerignore</c> itself, refuses links that
/// leave the context and counts bytes against the limit: contents, and each entry's header, name and link target. The
/// Dockerfiles given as text take the place of the source's files at their paths, and every Dockerfile's text is kept
/// as it is written (see <see cref="BuildContextSummary.DockerfileTexts"/>).
/// </summary>
internal sealed class ContextTarBuilder : IAsyncDisposable
{
    internal const string DockerIgnoreName = ".dockerignore";
    private const int UstarNameBytes = 100;
    private const long UstarMaxSize = 1L << 33;
    private const UnixFileMode DefaultFileMode = (UnixFileMode)0b110_100_100;
    private const UnixFileMode DefaultDirectoryMode = (UnixFileMode)0b111_101_101;

    private readonly TarWriter _writer;
    private readonly DockerIgnoreMatcher _ignore;
    private readonly HashSet<string> _alwaysSent;
    private readonly HashSet<string> _dockerfiles;
    private readonly IReadOnlyDictionary<string, string> _given;
    private readonly Dictionary<string, string?> _dockerfileTexts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly ContextBudget _budget;
    private int _files;
    private int _excluded;

    /// <param name="destination">Where the tar goes.</param>
    /// <param name="ignore">The context's <c>.dockerignore</c>.</param>
    /// <param name="dockerfiles">The Dockerfiles' normalized paths: always sent, and their texts kept.</param>
    /// <param name="given">Dockerfiles given as text, by normalized path; <see cref="AddGivenDockerfilesAsync"/> writes them.</param>
    /// <param name="maxTotalBytes">The limit.</param>
    public ContextTarBuilder(Stream destination, DockerIgnoreMatcher ignore, IReadOnlyCollection<string> dockerfiles, IReadOnlyDictionary<string, string> given, long maxTotalBytes)
    {
        _writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        _ignore = ignore;
        _dockerfiles = new HashSet<string>(dockerfiles, StringComparer.Ordinal);
        _alwaysSent = new HashSet<string>(dockerfiles, StringComparer.Ordinal) { DockerIgnoreName };
        _given = given;
        _budget = new ContextBudget(maxTotalBytes);
    }

    public BuildContextSummary Summary => new(_files, _budget.TotalBytes, _excluded, _dockerfileTexts);

    /// <summary>Whether the source's entry at a normalized path is left out: excluded (and counted), or replaced by a given Dockerfile.</summary>
    public bool Skip(string path)
    {
        if (_given.ContainsKey(path))
        {
            return true;
        }

        if (_alwaysSent.Contains(path) || !_ignore.IsExcluded(path))
        {
            return false;
        }

        _excluded++;
        return true;
    }

    /// <summary>Whether an excluded folder still has to be walked for <c>!</c> exceptions.</summary>
    public bool WalkExcludedDirectory(string path) => _ignore.MayIncludeUnder(path);

    public async Task AddFileAsync(string path, Stream content, long length, UnixFileMode? mode, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        _budget.AddEntry(path, null);
        var data = new ContextDataStream(content, length, path, _budget);
        await using (data)
        {
            var entry = NewEntry(TarEntryType.RegularFile, path, size: length);
            entry.Mode = mode ?? DefaultFileMode;
            entry.ModificationTime = modified;
            entry.DataStream = _dockerfiles.Contains(path) ? await KeepDockerfileTextAsync(path, data, length, cancellationToken) : data;
            await _writer.WriteEntryAsync(entry, cancellationToken);
        }

        _written.Add(path);
        _files++;
    }

    /// <summary>Writes the Dockerfiles given as text, after the source's entries.</summary>
    public async Task AddGivenDockerfilesAsync(CancellationToken cancellationToken)
    {
        foreach (var (path, text) in _given)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await AddFileAsync(path, new MemoryStream(bytes, writable: false), bytes.Length, null, DateTimeOffset.UnixEpoch, cancellationToken);
        }
    }

    public async Task AddDirectoryAsync(string path, UnixFileMode? mode, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return;
        }

        _budget.AddEntry(path, null);
        var entry = NewEntry(TarEntryType.Directory, path + "/");
        entry.Mode = mode ?? DefaultDirectoryMode;
        entry.ModificationTime = modified;
        await _writer.WriteEntryAsync(entry, cancellationToken);
        _written.Add(path);
    }

    public async Task AddSymbolicLinkAsync(string path, string target, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        if (!ContextPath.LinkStaysInside(path, target))
        {
            throw new BuildContextException($"Symbolic link '{path}' points to '{target}', outside the build context; replace it with the file itself or leave it out with .dockerignore.");
        }

        _budget.AddEntry(path, target);
        var entry = NewEntry(TarEntryType.SymbolicLink, path, target);
        entry.LinkName = target;
        entry.Mode = (UnixFileMode)0b111_111_111;
        entry.ModificationTime = modified;
        await _writer.WriteEntryAsync(entry, cancellationToken);
        _written.Add(path);
        _files++;
    }

    public async Task AddHardLinkAsync(string path, string target, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        string normalizedTarget;
        try
        {
            normalizedTarget = ContextPath.Normalize(target, "Hard link target");
        }
        catch (BuildContextException ex)
        {
            throw new BuildContextException($"Hard link '{path}' points to '{target}', outside the build context.", ex);
        }

        if (!_written.Contains(normalizedTarget))
        {
            // Its target was left out by .dockerignore (or never came): the link cannot be extracted.
            _excluded++;
            return;
        }

        _budget.AddEntry(path, normalizedTarget);
        var entry = NewEntry(TarEntryType.HardLink, path, normalizedTarget);
        entry.LinkName = normalizedTarget;
        entry.Mode = DefaultFileMode;
        entry.ModificationTime = modified;
        await _writer.WriteEntryAsync(entry, cancellationToken);
        _written.Add(path);
        _files++;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    // Reads a Dockerfile (within DockerfileLimits.MaxBytes) before it is written, keeps its text, and writes it from memory.
    private async Task<Stream> KeepDockerfileTextAsync(string path, Stream data, long length, CancellationToken cancellationToken)
    {
        if (length > DockerfileLimits.MaxBytes)
        {
            _dockerfileTexts[path] = null;
            return data;
        }

        var bytes = new byte[length];
        await data.ReadExactlyAsync(bytes, cancellationToken);
        using (var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            _dockerfileTexts[path] = await reader.ReadToEndAsync(cancellationToken);
        }

        return new MemoryStream(bytes, writable: false);
    }

    // Plain ustar headers whenever the names fit: BuildKit tells a tar context from a bare Dockerfile
    // by parsing the first header of the body's first bytes, which a PAX extended header pushes out of
    // reach (the body is then taken for a Dockerfile). PAX only for names ustar cannot hold.
    internal static PosixTarEntry NewEntry(TarEntryType type, string name, string? linkName = null, long size = 0) =>
        FitsUstar(name) && FitsUstar(linkName ?? string.Empty) && size < UstarMaxSize
            ? new UstarTarEntry(type, name)
            : new PaxTarEntry(type, name);

    private static bool FitsUstar(string name) => name.Length <= UstarNameBytes && Ascii.IsValid(name);
}
