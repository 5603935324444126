namespace ImageLab.Core.Dockerfiles;

/// <summary>What the advisor may know beyond the Dockerfile text.</summary>
public sealed record DockerfileAdvisorOptions
{
    /// <summary>The size from which a context file counts as large unless configured otherwise: 100 MB.</summary>
    public const long DefaultLargeFileThresholdBytes = 100L * 1024 * 1024;

    /// <summary>The files of the build context; <see langword="null"/> when the context is unknown, which turns off the rules that need it.</summary>
    public IReadOnlyList<DockerfileContextFile>? ContextFiles { get; init; }

    /// <summary>The stage built with <c>--target</c> (a name or an index); <see langword="null"/> for the last stage.</summary>
    public string? Target { get; init; }

    /// <summary>The size from which a context file counts as large (default 100 MB).</summary>
    public long LargeFileThresholdBytes { get; init; } = DefaultLargeFileThresholdBytes;
}
