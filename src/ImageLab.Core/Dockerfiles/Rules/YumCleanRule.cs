namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3032: <c>yum install</c> without <c>yum clean all</c> in the same RUN keeps yum's metadata and packages.</summary>
public sealed class YumCleanRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3032";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Yum,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} leaves yum's metadata and downloaded packages in /var/cache/yum because the same RUN never cleans them.",
            "Finish the same RUN with '&& yum clean all', or mount /var/cache/yum as a BuildKit cache.");
}
