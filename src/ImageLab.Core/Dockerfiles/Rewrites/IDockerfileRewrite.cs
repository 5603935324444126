namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// One named transformation of a Dockerfile, the fix for what one or more rules find. Rewrites are stateless and pure:
/// the same text gives the same result, and applying a rewrite to its own output changes nothing.
/// </summary>
public interface IDockerfileRewrite
{
    /// <summary>The stable id a suggestion's transformations carry (<c>apt-no-install-recommends</c>).</summary>
    string Id { get; }

    /// <summary>What the rewrite does, in a few words a reviewer reads.</summary>
    string Title { get; }

    /// <summary>The ids of the rules whose findings this rewrite answers.</summary>
    IReadOnlyList<string> RuleIds { get; }

    /// <summary>Rewrites the Dockerfile, or returns <see langword="null"/> when the rewrite does not apply.</summary>
    DockerfileRewriteResult? Apply(DockerfileRewriteContext context);
}
