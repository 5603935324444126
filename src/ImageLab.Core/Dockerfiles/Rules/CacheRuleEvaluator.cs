namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>The shared shape of the "cache left in the layer" rules: a RUN that creates a cache without removing it in the same RUN.</summary>
internal static class CacheRuleEvaluator
{
    public static IEnumerable<Finding> Evaluate(DockerfileRuleContext context, string ruleId, CacheKind kind, Func<DockerfileInstruction, ShellCommand, string> message, string fix)
    {
        foreach (var run in context.InstructionsOf("RUN"))
        {
            var creator = kind.FindCreator(context, run);
            if (creator is null || kind.IsCleanedIn(context, run))
            {
                continue;
            }

            yield return new Finding(
                ruleId,
                context.SeverityFor(run, FindingSeverity.Warning),
                run.StartLine,
                message(run, creator) + context.StageNote(run),
                fix,
                FindingCategories.Cache);
        }
    }

    public static string Shorten(ShellCommand command)
    {
        var text = command.ToString();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
