using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class YarnCacheCleanRuleTests
{
    [Theory]
    [InlineData("FROM node:20-slim\nRUN yarn install --frozen-lockfile\n", 2)]
    [InlineData("FROM node:20-slim\nRUN yarn\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new YarnCacheCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3060");
    }

    [Theory]
    [InlineData("FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n")]
    [InlineData("FROM node:20-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n")]
    [InlineData("FROM node:20-slim\nRUN yarn build\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new YarnCacheCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
