using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class AddUrlOrArchiveRuleTests
{
    [Theory]
    [InlineData("FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n", 2)]
    [InlineData("FROM alpine:3.20\nADD vendor.tar.gz /opt/vendor/\n", 2)]
    [InlineData("FROM alpine:3.20\nADD [\"site.zip\", \"/srv/\"]\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new AddUrlOrArchiveRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL009");
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nADD app.py /app/\n")]
    [InlineData("FROM alpine:3.20\nCOPY vendor.tar.gz /opt/\n")]
    [InlineData("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n")]
    [InlineData("FROM alpine:3.20\nADD --chown=1000 config/ /etc/app/\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new AddUrlOrArchiveRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
