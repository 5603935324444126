namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>What the rewrites may know beyond the Dockerfile text.</summary>
public sealed record DockerfileRewriteOptions
{
    /// <summary>The image references (<c>name:tag</c>) present on the engine that will build the suggestion.</summary>
    public IReadOnlySet<string> AvailableImages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Base images a suggestion may use although the engine does not have them yet (configuration).</summary>
    public IReadOnlySet<string> AllowedBaseImages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="image"/> may be used as a base: on the engine or allowed by configuration.</summary>
    public bool MayUseBase(string image) => AvailableImages.Contains(image) || AllowedBaseImages.Contains(image);
}
