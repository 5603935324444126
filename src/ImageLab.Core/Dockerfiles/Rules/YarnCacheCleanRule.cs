namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3060: <c>yarn install</c> without <c>yarn cache clean</c> in the same RUN keeps yarn's package cache.</summary>
public sealed class YarnCacheCleanRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3060";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Yarn,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} fills yarn's cache and the same RUN never cleans it, so a second copy of every package stays in the layer.",
            "Finish the same RUN with '&& yarn cache clean', or use a BuildKit cache mount for yarn's cache folder.");
}
