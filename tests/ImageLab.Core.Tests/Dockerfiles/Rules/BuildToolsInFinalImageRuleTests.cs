using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class BuildToolsInFinalImageRuleTests
{
    [Theory]
    [InlineData("FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc libpq-dev\n", 2)]
    [InlineData("FROM alpine:3.20\nRUN apk add --no-cache build-base\n", 2)]
    [InlineData("FROM debian:12-slim AS base\nRUN apt-get install -y make\nFROM base\nCMD [\"x\"]\n", 2)]
    [InlineData("FROM alpine:3.20 AS build\nRUN echo build\nFROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc musl-dev\n", 4)]
    [InlineData("FROM fedora:40\nRUN dnf install -y python3-devel && dnf clean all\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new BuildToolsInFinalImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL001");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim AS build\nRUN apt-get install -y gcc\nFROM python:3.12-slim\nCOPY --from=build /x /x\n")]
    [InlineData("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n")]
    [InlineData("FROM debian:12-slim\nRUN apt-get install -y curl ca-certificates\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new BuildToolsInFinalImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
