using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class UnpinnedBaseImageRuleTests
{
    [Theory]
    [InlineData("FROM python\n", 1)]
    [InlineData("FROM python:latest\n", 1)]
    [InlineData("FROM ghcr.io/acme/base\n", 1)]
    [InlineData("FROM localhost:5000/base\n", 1)]
    [InlineData("ARG BASE=node\nFROM $BASE\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new UnpinnedBaseImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL010");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\n")]
    [InlineData("FROM scratch\n")]
    [InlineData("FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
    [InlineData("FROM localhost:5000/base:1.0\n")]
    [InlineData("FROM alpine:3.20 AS build\nFROM build\n")]
    [InlineData("ARG BASE\nFROM python:${BASE:-3.12}\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new UnpinnedBaseImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
