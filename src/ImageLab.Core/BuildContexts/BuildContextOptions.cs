namespace ImageLab.Core.BuildContexts;

/// <summary>How a build context is packaged.</summary>
public sealed record BuildContextOptions
{
    /// <summary>Default limit of the file bytes a context may hold: 1 GiB.</summary>
    public const long DefaultMaxTotalBytes = 1L << 30;

    /// <summary>
    /// The Dockerfiles the context must hold (paths inside the context, forward slashes). Each must
    /// exist and not be empty; they are always sent, even when <c>.dockerignore</c> excludes them.
    /// </summary>
    public IReadOnlyList<string> DockerfilePaths { get; init; } = ["Dockerfile"];

    /// <summary>
    /// Dockerfiles given as text (path inside the context to text): each is written in place of the source's file at
    /// that path, or beside the source's files when it has none (the New experiment page's pasted and edited ones).
    /// </summary>
    public IReadOnlyDictionary<string, string> DockerfileTexts { get; init; } = new Dictionary<string, string>();

    /// <summary>Most file bytes the context may hold; packaging stops with a sentence beyond it.</summary>
    public long MaxTotalBytes { get; init; } = DefaultMaxTotalBytes;
}
