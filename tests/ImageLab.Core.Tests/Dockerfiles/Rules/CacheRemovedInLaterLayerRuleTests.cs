using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class CacheRemovedInLaterLayerRuleTests
{
    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache\n", 3)]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n", 3)]
    [InlineData("FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", 3)]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask\nCOPY . .\nRUN pip cache purge\n", 4)]
    [InlineData("FROM python:3.12-slim AS base\nRUN pip install flask\nFROM base\nRUN rm -rf ~/.cache/pip\n", 4)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new CacheRemovedInLaterLayerRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL006");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache\n")]
    [InlineData("FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nRUN rm -rf /root/.cache\n")]
    [InlineData("FROM python:3.12-alpine\nRUN pip install uv && pip cache purge\nRUN uv pip install --system --no-cache x && rm -rf /root/.cache\n")]
    [InlineData("FROM python:3.12-slim AS a\nRUN pip install flask\nFROM python:3.12-slim\nRUN rm -rf /root/.cache\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /tmp/*\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new CacheRemovedInLaterLayerRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
