using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class FullBaseImageRuleTests
{
    [Theory]
    [InlineData("FROM python:3.12\n", 1)]
    [InlineData("FROM python\n", 1)]
    [InlineData("FROM node:20-bookworm\n", 1)]
    [InlineData("FROM golang:1.23 AS build\nFROM build\n", 1)]
    [InlineData("FROM docker.io/library/ruby:3.3\n", 1)]
    [InlineData("FROM mcr.microsoft.com/dotnet/sdk:8.0\n", 1)]
    [InlineData("FROM ubuntu:24.04\n", 1)]
    [InlineData("FROM alpine:3.20 AS a\nFROM openjdk:21\n", 2)]
    public void Evaluate_Violation_FiresOnItsLine(string dockerfile, int line)
    {
        // Arrange
        var rule = new FullBaseImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Contains(findings, f => f.Line == line && f.RuleId == "IL002");
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\n")]
    [InlineData("FROM python:3.12-alpine\n")]
    [InlineData("FROM node:20-bookworm-slim\n")]
    [InlineData("FROM debian:bookworm-slim\n")]
    [InlineData("FROM gcr.io/distroless/python3-debian12\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n")]
    [InlineData("FROM scratch\n")]
    [InlineData("FROM python:3.12 AS build\nFROM python:3.12-slim\n")]
    [InlineData("FROM alpine:3.20\n")]
    [InlineData("FROM python:3.12-slim-bookworm\n")]
    public void Evaluate_Compliant_DoesNotFire(string dockerfile)
    {
        // Arrange
        var rule = new FullBaseImageRule();

        // Act
        var findings = RuleHarness.Run(rule, dockerfile);

        // Assert
        Assert.Empty(findings);
    }
}
