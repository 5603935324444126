using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class AptUpgradeRuleTests
{
    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN apt-get -y dist-upgrade\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new AptUpgradeRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL008");
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n")]
    [InlineData("FROM debian:12-slim\nRUN echo apt-get upgrade\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new AptUpgradeRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
