using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class PipNoCacheDirRuleTests
{
    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask\n", 2)]
    [InlineData("FROM python:3.12-slim\nRUN python3 -m pip install -r requirements.txt\n", 2)]
    [InlineData("FROM python:3.12-slim\nRUN pip3 install --upgrade pip && pip3 install --no-cache-dir flask\n", 2)]
    [InlineData("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.npm pip install flask\n", 2)]
    [InlineData("FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n", 3)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new PipNoCacheDirRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "DL3042");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n")]
    [InlineData("FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n")]
    [InlineData("FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n")]
    [InlineData("FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n")]
    [InlineData("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n")]
    [InlineData("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install flask\n")]
    [InlineData("FROM python:3.12-slim\nRUN pip install uv && pip cache purge\n")]
    [InlineData("FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n")]
    [InlineData("FROM python:3.12-slim\nRUN pip freeze\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new PipNoCacheDirRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
