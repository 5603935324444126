using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class DnfCleanRuleTests
{
    [Theory]
    [InlineData("FROM fedora:40\nRUN dnf install -y httpd\n", 2)]
    [InlineData("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y python3\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new DnfCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3040");
    }

    [Theory]
    [InlineData("FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n")]
    [InlineData("FROM fedora:40\nRUN microdnf install -y httpd && microdnf clean all\n")]
    [InlineData("FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new DnfCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
