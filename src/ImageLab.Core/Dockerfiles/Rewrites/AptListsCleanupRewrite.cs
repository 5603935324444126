using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Ends a RUN that leaves apt's package lists with <c>rm -rf /var/lib/apt/lists/*</c>: the fix for DL3009. Only the
/// last RUN of a stage that uses apt gets it, in the stages that reach the image (a later <c>apt-get install</c> needs the lists); when an earlier RUN
/// downloaded them, the join rewrite then brings the two into one layer.
/// </summary>
public sealed class AptListsCleanupRewrite : IDockerfileRewrite
{
    /// <summary>The command the rewrite appends.</summary>
    public const string Cleanup = "rm -rf /var/lib/apt/lists/*";

    /// <inheritdoc/>
    public string Id => "apt-lists-cleanup";

    /// <inheritdoc/>
    public string Title => "Remove apt lists in the same RUN";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["DL3009"];

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var replacements = new List<(int, int, string)>();
        foreach (var run in context.EditableRuns())
        {
            if (!context.Rules.IsInFinalImage(run.StageIndex)
                || PackageCaches.AptLists.FindCreator(context.Rules, run) is null
                || PackageCaches.AptLists.IsCleanedIn(context.Rules, run)
                || AptRunsLater(context, run)
                || !RunContinuation.CanContinue(context, run))
            {
                continue;
            }

            replacements.Add((run.StartLine, run.EndLine, RunContinuation.Append(context, run, Cleanup, newLine: false) + context.Lines.Ending(run.EndLine)));
        }

        return context.Result(replacements);
    }

    private static bool AptRunsLater(DockerfileRewriteContext context, DockerfileInstruction run)
    {
        var stages = context.Document.Stages;
        return stages
            .Where(s => s.Index == run.StageIndex || DescendsFrom(context.Document, s, run.StageIndex))
            .SelectMany(s => s.Instructions)
            .Where(i => i.Keyword == "RUN" && (i.StageIndex != run.StageIndex || i.StartLine > run.StartLine))
            .SelectMany(context.Rules.GetCommands)
            .Any(PackageCaches.IsApt);
    }

    private static bool DescendsFrom(DockerfileDocument document, DockerfileStage stage, int ancestor)
    {
        for (var parent = stage.BaseStageIndex; parent is { } index; parent = document.Stages[index].BaseStageIndex)
        {
            if (index == ancestor)
            {
                return true;
            }

            if (index >= stage.Index)
            {
                return false;
            }
        }

        return false;
    }
}
