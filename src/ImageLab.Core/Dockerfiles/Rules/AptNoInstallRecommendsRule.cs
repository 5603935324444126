namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>DL3015: <c>apt-get install</c> without <c>--no-install-recommends</c> pulls in recommended packages nobody asked for.</summary>
public sealed class AptNoInstallRecommendsRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "DL3015";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var run in context.InstructionsOf("RUN"))
        {
            var command = context.GetCommands(run).FirstOrDefault(c =>
                PackageCaches.IsApt(c) && c.HasSubcommand("install")
                && !c.HasOption("no-install-recommends")
                && !c.Arguments.Any(a => a.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase)
                    || a.Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase)));
            if (command is null)
            {
                continue;
            }

            yield return new Finding(
                Id,
                context.SeverityFor(run, FindingSeverity.Warning),
                run.StartLine,
                $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} also installs every package the named ones merely recommend, which often doubles what lands in the layer.{context.StageNote(run)}",
                "Add --no-install-recommends to apt-get install and name any recommended package you really need.",
                FindingCategories.Cache);
        }
    }
}
