namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>A Dockerfile the rewrites wrote from another, and the transformations it is made of, in the order applied.</summary>
/// <param name="Text">The suggested Dockerfile.</param>
/// <param name="Transformations">The rewrites that changed something; empty when none applies.</param>
/// <param name="DockerIgnore">The build context's new <c>.dockerignore</c> when a transformation changed it; null when the context stays as it is.</param>
public sealed record DockerfileSuggestion(string Text, IReadOnlyList<AppliedRewrite> Transformations, string? DockerIgnore = null)
{
    /// <summary>Whether any rewrite changed the Dockerfile.</summary>
    public bool HasChanges => Transformations.Count > 0;
}
