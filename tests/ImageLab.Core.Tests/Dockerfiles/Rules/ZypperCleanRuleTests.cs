using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class ZypperCleanRuleTests
{
    [Theory]
    [InlineData("FROM opensuse/leap:15.6\nRUN zypper install -y curl\n", 2)]
    [InlineData("FROM opensuse/leap:15.6\nRUN zypper -n in curl\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new ZypperCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3036");
    }

    [Theory]
    [InlineData("FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean --all\n")]
    [InlineData("FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new ZypperCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
