namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3036: <c>zypper install</c> without <c>zypper clean</c> in the same RUN keeps zypper's cache.</summary>
public sealed class ZypperCleanRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3036";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Zypper,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} leaves zypper's cache in /var/cache/zypp because the same RUN never cleans it.",
            "Finish the same RUN with '&& zypper clean --all', or mount /var/cache/zypp as a BuildKit cache.");
}
