namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>The Dockerfiles that measure one transformation of a suggestion: what it saves is the size of
/// <see cref="Baseline"/>'s image minus the size of <see cref="Text"/>'s.</summary>
/// <param name="Text">The source Dockerfile with the transformation (and what it is built on top of) applied.</param>
/// <param name="BuiltWith">
/// The other transformations it is built on top of: those it declares as prerequisites, or needs to apply at all; empty
/// when it stands alone on the source.
/// </param>
/// <param name="Baseline">The source with <paramref name="BuiltWith"/> alone applied; the source itself when that is empty.</param>
/// <param name="DockerIgnore">The <c>.dockerignore</c> <paramref name="Text"/> is built with; null for the context's own.</param>
/// <param name="BaselineDockerIgnore">The <c>.dockerignore</c> <paramref name="Baseline"/> is built with; null for the context's own.</param>
public sealed record DockerfileAblation(string Text, IReadOnlyList<string> BuiltWith, string Baseline, string? DockerIgnore = null, string? BaselineDockerIgnore = null);
