using System.Text;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// Counts the bytes of a context as they stream and stops at the configured limit: file contents, and for every entry
/// its header, name and link target (a tar header is 512 bytes, long names and targets add PAX records), so that a
/// million empty files or 100 KB names cannot pass under a limit that counts only contents.
/// </summary>
internal sealed class ContextBudget(long maxTotalBytes)
{
    /// <summary>What one entry costs besides its name, its link target and its contents: a tar header block.</summary>
    public const int EntryHeaderBytes = 512;

    /// <summary>The file contents counted so far.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>Headers, names and link targets counted so far.</summary>
    public long MetadataBytes { get; private set; }

    public void Add(int bytes)
    {
        TotalBytes += bytes;
        Check();
    }

    /// <summary>Counts one entry's header, name and link target.</summary>
    public void AddEntry(string path, string? linkTarget)
    {
        MetadataBytes += EntryHeaderBytes + Encoding.UTF8.GetByteCount(path) + (linkTarget is null ? 0 : Encoding.UTF8.GetByteCount(linkTarget));
        Check();
    }

    private void Check()
    {
        if (TotalBytes + MetadataBytes > maxTotalBytes)
        {
            throw new BuildContextException(
                $"The build context is larger than the limit of {ByteSize.Format(maxTotalBytes)}; leave out what the build does not need with a .dockerignore.")
            {
                TooLarge = true,
            };
        }
    }
}
