using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class AptListsNotRemovedRuleTests
{
    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN apt-get update\n", 2)]
    [InlineData("FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends curl && apt-get clean\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n", 2)]
    [InlineData("FROM debian:12-slim\nRUN [\"/bin/sh\", \"-c\", \"apt-get update && apt-get install -y curl\"]\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new AptListsNotRemovedRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3009");
    }

    [Theory]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists\n")]
    [InlineData("FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian:12-slim\nRUN echo apt-get install curl\n")]
    [InlineData("FROM debian:12-slim\nONBUILD RUN apt-get update\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new AptListsNotRemovedRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
