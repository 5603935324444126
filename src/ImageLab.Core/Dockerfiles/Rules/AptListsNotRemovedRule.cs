namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3009: apt-get leaves its package lists (tens of MB) in the layer when the same RUN does not delete them.</summary>
public sealed class AptListsNotRemovedRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3009";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context) =>
        CacheRuleEvaluator.Evaluate(
            context,
            Id,
            PackageCaches.AptLists,
            (run, command) => command.HasSubcommand("update")
                ? $"The RUN on line {run.StartLine} downloads apt package lists with '{CacheRuleEvaluator.Shorten(command)}' and does not delete /var/lib/apt/lists in the same step, so the lists stay in that layer."
                : $"The RUN on line {run.StartLine} installs packages with apt-get and does not delete /var/lib/apt/lists in the same step, so whatever lists it relies on stay in the image.",
            "Finish the same RUN with '&& rm -rf /var/lib/apt/lists/*', or mount the lists as a BuildKit cache (RUN --mount=type=cache,target=/var/lib/apt/lists ...).");
}
