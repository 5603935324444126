using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

internal static class RuleHarness
{
    public static IReadOnlyList<Finding> Run(IDockerfileRule rule, string dockerfile, DockerfileAdvisorOptions? options = null)
    {
        var document = DockerfileParser.Parse(dockerfile);
        Assert.Empty(document.Errors);
        var findings = rule.Evaluate(new DockerfileRuleContext(document, options)).ToList();
        Assert.All(findings, f =>
        {
            Assert.Equal(rule.Id, f.RuleId);
            Assert.EndsWith(".", f.Message.TrimEnd(')'), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.Fix));
            Assert.Null(f.BytesAtStake);
        });
        return findings;
    }
}
