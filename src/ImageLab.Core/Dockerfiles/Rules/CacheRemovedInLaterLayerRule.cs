namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// IL006: a RUN removes a cache that an earlier RUN created (<c>RUN pip install ...</c> then <c>RUN rm -rf /root/.cache</c>).
/// The earlier layer keeps the bytes, so the removal only adds a whiteout and saves nothing.
/// </summary>
public sealed class CacheRemovedInLaterLayerRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL006";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var leftovers = new Dictionary<CacheKind, int>[context.Document.Stages.Count];
        var findings = new List<Finding>();
        foreach (var stage in context.Document.Stages)
        {
            var left = stage.BaseStageIndex is { } parent && leftovers[parent] is { } inherited
                ? new Dictionary<CacheKind, int>(inherited)
                : [];
            leftovers[stage.Index] = left;
            foreach (var run in stage.Instructions.Where(i => i.Keyword == "RUN"))
            {
                var commands = context.GetCommands(run);
                foreach (var kind in PackageCaches.All)
                {
                    var cleaned = commands.Any(kind.Cleans);
                    if (cleaned && left.Remove(kind, out var createdAt))
                    {
                        findings.Add(new Finding(
                            Id,
                            context.SeverityFor(run, FindingSeverity.Warning),
                            run.StartLine,
                            $"The RUN on line {run.StartLine} removes the {kind.Description} that the RUN on line {createdAt} left behind; that earlier layer still holds the bytes, so removing them in a later layer saves nothing.{context.StageNote(run)}",
                            $"Remove the {kind.Description} in the RUN on line {createdAt} itself (or avoid it with the package manager's no-cache option or a BuildKit cache mount), and drop the later removal.",
                            FindingCategories.Cache));
                    }

                    if (!cleaned && commands.Any(c => kind.LeavesCache(context, run, c)))
                    {
                        left.TryAdd(kind, run.StartLine);
                    }
                }
            }
        }

        return findings;
    }
}
