using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class UseraddHighUidRuleTests
{
    [Theory]
    [InlineData("FROM debian:12-slim\nRUN useradd -u 1000000 app\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN useradd --uid=70000 -m app\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new UseraddHighUidRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3046");
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n")]
    [InlineData("FROM debian:12-slim\nRUN useradd --no-log-init -u 1000000 app\n")]
    [InlineData("FROM debian:12-slim\nRUN useradd -u 1000 app\n")]
    [InlineData("FROM debian:12-slim\nRUN useradd app\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new UseraddHighUidRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
