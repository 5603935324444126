using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

internal static class RewriteHarness
{
    public static string? Apply(IDockerfileRewrite rewrite, string dockerfile, DockerfileRewriteOptions? options = null) =>
        rewrite.Apply(new DockerfileRewriteContext(dockerfile, options))?.Text;
}
