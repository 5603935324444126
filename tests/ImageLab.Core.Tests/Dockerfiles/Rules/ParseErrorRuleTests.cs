using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class ParseErrorRuleTests
{
    [Fact]
    public void Evaluate_RunChainingPastTheCommandLimit_SaysTheAdviceReadsOnlyTheFirst()
    {
        // Arrange
        var chain = string.Join(" | ", Enumerable.Repeat("a", DockerfileLimits.MaxShellCommands + 1));
        var dockerfile = $"FROM alpine\nRUN echo short\nRUN {chain}\n";

        // Act
        var findings = RuleHarness.Run(new ParseErrorRule(), dockerfile);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(3, finding.Line);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal("The RUN on line 3 chains 10,000 commands or more; the advice reads only the first 10,000.", finding.Message);
    }

    [Fact]
    public void Evaluate_ParseError_IsAnErrorOnItsLine()
    {
        // Arrange
        var document = DockerfileParser.Parse("FROM alpine\nFROBNICATE x\n");

        // Act
        var findings = new ParseErrorRule().Evaluate(new DockerfileRuleContext(document)).ToList();

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(2, finding.Line);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }
}
