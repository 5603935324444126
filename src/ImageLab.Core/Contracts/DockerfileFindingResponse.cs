using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Contracts;

/// <summary>One finding of the Dockerfile advisor: the rule, how serious, the line, what is wrong and how to fix it.</summary>
public sealed record DockerfileFindingResponse(string RuleId, FindingSeverity Severity, int Line, string Message, string Fix)
{
    public static DockerfileFindingResponse From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new DockerfileFindingResponse(finding.RuleId, finding.Severity, finding.Line, finding.Message, finding.Fix);
    }
}
