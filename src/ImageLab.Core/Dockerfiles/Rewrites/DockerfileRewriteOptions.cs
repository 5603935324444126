namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>What the rewrites may know beyond the Dockerfile text.</summary>
public sealed record DockerfileRewriteOptions
{
    /// <summary>The image references (<c>name:tag</c>) present on the engine that will build the suggestion.</summary>
    public IReadOnlySet<string> AvailableImages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Base images a suggestion may use although the engine does not have them yet (configuration).</summary>
    public IReadOnlySet<string> AllowedBaseImages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The files of the build context as stored (already without what its own <c>.dockerignore</c> leaves out);
    /// <see langword="null"/> when unknown, which turns off the rewrites that need them.
    /// </summary>
    public IReadOnlyList<DockerfileContextFile>? ContextFiles { get; init; }

    /// <summary>The context's <c>.dockerignore</c> as written; <see langword="null"/> when it has none.</summary>
    public string? DockerIgnore { get; init; }

    /// <summary>The size from which a context file counts as large (IL005's threshold).</summary>
    public long LargeFileThresholdBytes { get; init; } = DockerfileAdvisorOptions.DefaultLargeFileThresholdBytes;

    /// <summary>Whether <paramref name="image"/> may be used as a base: on the engine or allowed by configuration.</summary>
    public bool MayUseBase(string image) => AvailableImages.Contains(image) || AllowedBaseImages.Contains(image);
}
