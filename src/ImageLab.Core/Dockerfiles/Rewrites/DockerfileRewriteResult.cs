namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>The text a rewrite produced.</summary>
/// <param name="Text">The whole new Dockerfile.</param>
/// <param name="Line">The 1-based line of the input the first change is on.</param>
/// <param name="ChangedLines">The 1-based lines of the input the rewrite replaced; every other input line is in the output byte for byte, in order.</param>
/// <param name="DockerIgnore">The context's new <c>.dockerignore</c> when the rewrite changes it (the Dockerfile may then stay as it was); null otherwise.</param>
public sealed record DockerfileRewriteResult(string Text, int Line, IReadOnlyCollection<int> ChangedLines, string? DockerIgnore = null);
