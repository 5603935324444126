namespace ImageLab.Web.Intake;

/// <summary>
/// An upload written to a private temporary folder: loose files under <see cref="FilesFolder"/> at their
/// context paths, or one archive. Deleting it removes everything.
/// </summary>
public sealed class SpooledUpload : IDisposable
{
    private SpooledUpload(string workFolder)
    {
        WorkFolder = workFolder;
        FilesFolder = Path.Combine(workFolder, "files");
        Directory.CreateDirectory(FilesFolder);
    }

    public string WorkFolder { get; }

    public string FilesFolder { get; }

    public string? ArchivePath { get; private set; }

    public long TotalBytes { get; private set; }

    public int FileCount { get; private set; }

    public static SpooledUpload Create() =>
        new(Path.Combine(Path.GetTempPath(), "imagelab-upload-" + Guid.NewGuid().ToString("N")));

    /// <summary>Writes one file at its context path, counting bytes against <paramref name="maxBytes"/> as they arrive.</summary>
    public async Task AddFileAsync(string contextPath, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
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

    private async Task CopyBoundedAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            TotalBytes += read;
            if (TotalBytes > maxBytes)
            {
                throw new UploadTooLargeException(maxBytes);
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public void Dispose()
    {
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
