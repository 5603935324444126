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

    /// <summary>
    /// The rewrites this one only makes sense on top of, when the suggestion has them: its ablation build applies them
    /// too, and its saving is measured against the build of them alone (the slim base is meant for the runtime stage the
    /// multi-stage split writes, not for the single stage that still compiles). Empty for a rewrite that stands alone.
    /// </summary>
    IReadOnlyList<string> Prerequisites => [];

    /// <summary>Rewrites the Dockerfile, or returns <see langword="null"/> when the rewrite does not apply.</summary>
    DockerfileRewriteResult? Apply(DockerfileRewriteContext context);
}
