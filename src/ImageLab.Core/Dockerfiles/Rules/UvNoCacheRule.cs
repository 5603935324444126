namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL007: <c>uv pip install</c> (or <c>uv sync</c>) without <c>--no-cache</c> keeps uv's cache in the layer.</summary>
public sealed class UvNoCacheRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL007";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Uv,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} runs without --no-cache, so uv's cache (/root/.cache/uv) stays in the layer.",
            "Add --no-cache to the uv command, set ENV UV_NO_CACHE=1, or use a BuildKit cache mount (RUN --mount=type=cache,target=/root/.cache/uv ...).");
}
