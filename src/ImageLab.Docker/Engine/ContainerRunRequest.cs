namespace ImageLab.Docker.Engine;

/// <summary>
/// A command to run once in a container of an image, bounded: no network unless <see cref="NetworkMode"/> says
/// otherwise, a memory limit (no swap beyond it), a process limit, a timeout after which the container is killed, and
/// at most <see cref="MaxOutputBytes"/> of output read.
/// </summary>
public sealed record ContainerRunRequest
{
    /// <summary>The image (id or name) to run.</summary>
    public required string Image { get; init; }

    /// <summary>The command's words; the first replaces the image's entrypoint, so the image's CMD is not appended.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    public string NetworkMode { get; init; } = "none";

    public long MemoryBytes { get; init; } = 256L * 1024 * 1024;

    public long MaxProcesses { get; init; } = 256;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Output bytes kept (standard output and error, interleaved as written); the rest is not read.</summary>
    public int MaxOutputBytes { get; init; } = 64 * 1024;

    /// <summary>The container's <c>imagelab.*</c> labels, so that a container left by a crash can be found.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
