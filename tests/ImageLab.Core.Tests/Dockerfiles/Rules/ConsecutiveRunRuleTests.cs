using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class ConsecutiveRunRuleTests
{
    [Theory]
    [InlineData("FROM alpine:3.20\nRUN echo a\nRUN echo b\n", 3)]
    [InlineData("FROM alpine:3.20\nRUN echo a\n# between\n\nRUN echo b\nRUN echo c\n", 5)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new ConsecutiveRunRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3059");
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nRUN echo a\nCOPY x /x\nRUN echo b\n")]
    [InlineData("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache echo a\nRUN echo b\n")]
    [InlineData("FROM alpine:3.20 AS a\nRUN echo a\nFROM alpine:3.20\nRUN echo b\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new ConsecutiveRunRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
