namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3042: <c>pip install</c> without <c>--no-cache-dir</c> leaves the downloaded wheels in <c>/root/.cache/pip</c>.</summary>
public sealed class PipNoCacheDirRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3042";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Pip,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} keeps every downloaded wheel in pip's cache (/root/.cache/pip), which becomes part of the layer.",
            "Add --no-cache-dir to the pip command, set ENV PIP_NO_CACHE_DIR=1, or use a BuildKit cache mount (RUN --mount=type=cache,target=/root/.cache/pip ...).");
}
