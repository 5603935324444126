using ImageLab.Core.Formatting;

namespace ImageLab.Core.BuildContexts;

/// <summary>Counts the file bytes of a context as they stream and stops at the configured limit.</summary>
internal sealed class ContextBudget(long maxTotalBytes)
{
    public long TotalBytes { get; private set; }

    public void Add(int bytes)
    {
        TotalBytes += bytes;
        if (TotalBytes > maxTotalBytes)
        {
            throw new BuildContextException(
                $"The build context is larger than the limit of {ByteSize.Format(maxTotalBytes)}; leave out what the build does not need with a .dockerignore.")
            {
                TooLarge = true,
            };
        }
    }
}
