using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class AptNoInstallRecommendsRuleTests
{
    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get install -y curl\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN apt install curl\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN sudo apt-get -y install curl\n", 2)]
    [InlineData("FROM debian:12-slim\nCOPY packages.txt .\nRUN apt-get update && xargs apt-get install -y < packages.txt\n", 3)]
    [InlineData("FROM debian:12-slim\nRUN xargs -a /tmp/packages.txt -r apt-get install -y\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new AptNoInstallRecommendsRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3015");
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get update\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && xargs apt-get install -y --no-install-recommends < /tmp/packages.txt\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get remove -y curl\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new AptNoInstallRecommendsRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
