namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>What a suggestion does to its build context's <c>.dockerignore</c> (at the context root).</summary>
/// <param name="Before">The context's own <c>.dockerignore</c>; null when it has none and the suggestion creates it.</param>
/// <param name="After">The <c>.dockerignore</c> the suggestion is built with.</param>
public sealed record DockerIgnoreChange(string? Before, string After)
{
    /// <summary>Its path in the context, as a patch names it.</summary>
    public const string Path = ".dockerignore";
}
