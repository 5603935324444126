using System.Text;

namespace ImageLab.Web.Intake;

/// <summary>
/// An upload written to a private temporary folder: loose files under <see cref="FilesFolder"/> at their
/// context paths, or one archive. Disposing the upload it created deletes everything; one handed over by its owner
/// (<see cref="Of"/>) stays.
/// </summary>
public sealed class SpooledUpload : IDisposable
{
    /// <summary>The folder of the loose files inside <see cref="WorkFolder"/>.</summary>
    public const string FilesFolderName = "files";

    private readonly bool _owned;

    private SpooledUpload(string workFolder, bool owned)
    {
        WorkFolder = workFolder;
        FilesFolder = Path.Combine(workFolder, FilesFolderName);
        Directory.CreateDirectory(FilesFolder);
        _owned = owned;
    }

    public string WorkFolder { get; }

    public string FilesFolder { get; }

    public string? ArchivePath { get; private set; }

    public long TotalBytes { get; private set; }

    public int FileCount { get; private set; }

    public static SpooledUpload Create() =>
        new(Path.Combine(Path.GetTempPath(), "imagelab-upload-" + Guid.NewGuid().ToString("N")), owned: true);

    /// <summary>
    /// An upload another owner has already spooled in this layout (the New experiment page's draft), handed over as it
    /// is, without a copy: <paramref name="fileCount"/> loose files under <c>files/</c>, or the archive at
    /// <paramref name="archivePath"/>. Disposing it deletes nothing; the owner does.
    /// </summary>
    public static SpooledUpload Of(string workFolder, string? archivePath, int fileCount) =>
        new(workFolder, owned: false) { ArchivePath = archivePath, FileCount = fileCount };

    /// <summary>The longest form field accepted (names, labels, build arguments are short).</summary>
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>What every part costs besides its bytes, as a tar header does: many tiny parts are not free.</summary>
    private const int PartOverheadBytes = 512;

    /// <summary>
    /// Writes one file at its context path, counting bytes against <paramref name="maxBytes"/> as they arrive, and
    /// its name and a header's worth besides.
    /// </summary>
    public async Task AddFileAsync(string contextPath, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(contextPath);
        Count(PartOverheadBytes + Encoding.UTF8.GetByteCount(contextPath), maxBytes);
        var relative = UploadPath.Validate(contextPath);
        var target = Path.GetFullPath(Path.Combine(FilesFolder, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        await using (output)
        {
            await CopyBoundedAsync(content, output, maxBytes, cancellationToken);
        }

        FileCount++;
    }

    /// <summary>Writes the context archive (.tar, .tar.gz, .tgz or .zip).</summary>
    public async Task SetArchiveAsync(string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ArchivePath is not null)
        {
            throw new Core.Experiments.SubmissionRejectedException("Send one context archive, not several.");
        }

        ArchivePath = Path.Combine(WorkFolder, "upload" + ArchiveKind.ExtensionOf(fileName));
        var output = new FileStream(ArchivePath, FileMode.CreateNew, FileAccess.Write);
        await using (output)
        {
            await CopyBoundedAsync(content, output, maxBytes, cancellationToken);
        }
    }

    /// <summary>
    /// Reads one form field (UTF-8); its name and value count against <paramref name="maxBytes"/> like the files, and
    /// a value longer than <see cref="MaxFieldBytes"/> is refused in words.
    /// </summary>
    public async Task<string> ReadFieldAsync(string name, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        Count(PartOverheadBytes + Encoding.UTF8.GetByteCount(name), maxBytes);
        using var value = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Count(read, maxBytes);
            if (value.Length + read > MaxFieldBytes)
            {
                throw new Core.Experiments.SubmissionRejectedException($"The form field '{(name.Length > 40 ? name[..40] + "..." : name)}' is longer than {MaxFieldBytes / 1024} KB; fields hold names, labels and build arguments.");
            }

            value.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length);
    }

    private void Count(long bytes, long maxBytes)
    {
        TotalBytes += bytes;
        if (TotalBytes > maxBytes)
        {
            throw new UploadTooLargeException(maxBytes);
        }
    }

    private async Task CopyBoundedAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            Count(read, maxBytes);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
