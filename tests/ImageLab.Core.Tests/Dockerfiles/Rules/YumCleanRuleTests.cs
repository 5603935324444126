using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class YumCleanRuleTests
{
    [Theory]
    [InlineData("FROM centos:7\nRUN yum install -y httpd\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new YumCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3032");
    }

    [Theory]
    [InlineData("FROM centos:7\nRUN yum install -y httpd && yum clean all\n")]
    [InlineData("FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n")]
    [InlineData("FROM centos:7\nRUN yum list installed\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new YumCleanRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
