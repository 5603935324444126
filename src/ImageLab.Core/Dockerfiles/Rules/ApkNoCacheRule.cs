namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3019: <c>apk add</c> without <c>--no-cache</c> keeps the package index in the layer.</summary>
public sealed class ApkNoCacheRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3019";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.Apk,
            (run, command) => $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} runs without --no-cache, so apk keeps its package index in the layer.",
            "Use 'apk add --no-cache ...' (it also makes a separate 'apk update' unnecessary).");
}
