using System.Globalization;

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
                $"The build context is larger than the limit of {Describe(maxTotalBytes)}; leave out what the build does not need with a .dockerignore.")
            {
                TooLarge = true,
            };
        }
    }

    internal static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
