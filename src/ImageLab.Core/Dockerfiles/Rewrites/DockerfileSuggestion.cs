namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>A Dockerfile the rewrites wrote from another, and the transformations it is made of, in the order applied.</summary>
/// <param name="Text">The suggested Dockerfile.</param>
/// <param name="Transformations">The rewrites that changed something; empty when none applies.</param>
public sealed record DockerfileSuggestion(string Text, IReadOnlyList<AppliedRewrite> Transformations)
{
    /// <summary>Whether any rewrite changed the Dockerfile.</summary>
    public bool HasChanges => Transformations.Count > 0;
}
