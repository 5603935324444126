namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>IL000: the parser's errors, reported as findings so that they show next to the advice.</summary>
public sealed class ParseErrorRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL000";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Document.Errors.Select(e => new Finding(
            Id,
            FindingSeverity.Error,
            e.Line,
            e.Message,
            "Correct this line; the engine would refuse the Dockerfile or read it differently.",
            FindingCategories.Syntax));
    }
}
