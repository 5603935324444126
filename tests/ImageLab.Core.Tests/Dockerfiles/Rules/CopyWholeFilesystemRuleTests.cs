using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class CopyWholeFilesystemRuleTests
{
    [Theory]
    [InlineData("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build / /\n", 3)]
    [InlineData("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /* /rootfs/\n", 3)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new CopyWholeFilesystemRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL003");
    }

    [Theory]
    [InlineData("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n")]
    [InlineData("FROM golang:1.23 AS build\nCOPY --from=busybox:1.36 / /\nFROM alpine:3.20\n")]
    [InlineData("FROM alpine:3.20\nCOPY . /\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new CopyWholeFilesystemRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
