using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class UvNoCacheRuleTests
{
    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt\n", 2)]
    [InlineData("FROM python:3.12-slim\nRUN uv sync --frozen\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new UvNoCacheRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL007");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN uv pip install --system --no-cache -r requirements.txt\n")]
    [InlineData("FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv sync --frozen\n")]
    [InlineData("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n")]
    [InlineData("FROM python:3.12-slim\nRUN uv sync && uv cache clean\n")]
    [InlineData("FROM python:3.12-slim\nRUN uv --version\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new UvNoCacheRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
