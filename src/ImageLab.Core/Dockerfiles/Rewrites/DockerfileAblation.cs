namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>The Dockerfile that measures one transformation of a suggestion on its own.</summary>
/// <param name="Text">The source Dockerfile with the transformation (and what it needs) applied.</param>
/// <param name="BuiltWith">The other transformations it needs to apply at all; empty when it stands alone.</param>
public sealed record DockerfileAblation(string Text, IReadOnlyList<string> BuiltWith);
