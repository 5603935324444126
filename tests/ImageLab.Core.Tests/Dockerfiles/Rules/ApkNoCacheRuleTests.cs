using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class ApkNoCacheRuleTests
{
    [Theory]
    [InlineData("FROM alpine:3.20\nRUN apk add curl\n", 2)]
    [InlineData("FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new ApkNoCacheRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3019");
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nRUN apk add --no-cache curl\n")]
    [InlineData("FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n")]
    [InlineData("FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n")]
    [InlineData("FROM alpine:3.20\nRUN apk del curl\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new ApkNoCacheRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
