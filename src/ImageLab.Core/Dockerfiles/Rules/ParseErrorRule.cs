using System.Globalization;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// IL000: the parser's errors, reported as findings so that they show next to the advice; and, as information, each RUN
/// whose script chains so many commands that the advice reads only the first <see cref="DockerfileLimits.MaxShellCommands"/>.
/// </summary>
public sealed class ParseErrorRule : IDockerfileRule
{
    /// <inheritdoc/>
    public string Id => "IL000";

    /// <inheritdoc/>
    public IEnumerable<Finding> Evaluate(DockerfileRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = context.Document.Errors.Select(e => new Finding(
            Id,
            FindingSeverity.Error,
            e.Line,
            e.Message,
            "Correct this line; the engine would refuse the Dockerfile or read it differently.",
            FindingCategories.Syntax));
        var cut = context.InstructionsOf("RUN").Where(run => ShellScript.IsCut(context.GetCommands(run))).Select(run => new Finding(
            Id,
            FindingSeverity.Info,
            run.StartLine,
            string.Create(CultureInfo.InvariantCulture, $"The RUN on line {run.StartLine} chains {DockerfileLimits.MaxShellCommands:N0} commands or more; the advice reads only the first {DockerfileLimits.MaxShellCommands:N0}."),
            "Move the commands into a script in the build context and RUN that script.",
            FindingCategories.Syntax));
        return errors.Concat(cut);
    }
}
