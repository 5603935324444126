namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL008: <c>apt-get upgrade</c> or <c>dist-upgrade</c> rewrites the base image's packages into a new layer.</summary>
public sealed class AptUpgradeRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL008";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var run in context.InstructionsOf("RUN"))
        {
            var command = context.GetCommands(run).FirstOrDefault(c => PackageCaches.IsApt(c) && c.HasSubcommand("upgrade", "dist-upgrade", "full-upgrade"));
            if (command is null)
            {
                continue;
            }

            yield return new Finding(
                Id,
                context.SeverityFor(run, FindingSeverity.Warning),
                run.StartLine,
                $"'{CacheRuleEvaluator.Shorten(command)}' on line {run.StartLine} copies every upgraded package of the base image into a new layer, while the old versions stay in the base layers, and it makes the build depend on the day it runs.{context.StageNote(run)}",
                "Use a newer tag or digest of the base image instead, and install only the packages you need.",
                FindingCategories.BaseImage);
        }
    }
}
