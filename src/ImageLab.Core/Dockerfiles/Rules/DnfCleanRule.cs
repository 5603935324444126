namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3040: <c>dnf install</c> (or <c>microdnf</c>) without <c>dnf clean all</c> in the same RUN keeps dnf's cache.</summary>
public sealed class DnfCleanRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3040";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Dnf,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} leaves dnf's metadata and packages in /var/cache because the same RUN never cleans them.",
            "Finish the same RUN with '&& dnf clean all' (or 'microdnf clean all'), or mount /var/cache/dnf as a BuildKit cache.");
}
