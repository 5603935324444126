using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class SmallerBaseRewriteTests
{
    [Theory]
    [InlineData("debian:bookworm", "debian:bookworm-slim")]
    [InlineData("python:3.11-bookworm", "python:3.11-slim-bookworm")]
    [InlineData("python:3.12", "python:3.12-slim")]
    [InlineData("node", "node:slim")]
    public void Apply_SlimVariantOnTheEngine_ReplacesTheFinalBase(string full, string slim)
    {
        // Arrange
        var dockerfile = $"# base\nFROM {full}  AS app\nCMD [\"x\"]\n";
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { slim } };

        // Act
        var result = RewriteHarness.Apply(new SmallerBaseRewrite(), dockerfile, options);

        // Assert
        Assert.Equal($"# base\nFROM {slim}  AS app\nCMD [\"x\"]\n", result);
    }

    [Fact]
    public void Apply_SlimVariantAllowedByConfiguration_ReplacesTheFinalBase()
    {
        // Arrange
        var options = new DockerfileRewriteOptions { AllowedBaseImages = new HashSet<string> { "python:3.12-slim" } };

        // Act
        var result = RewriteHarness.Apply(new SmallerBaseRewrite(), "FROM python:3.12\n", options);

        // Assert
        Assert.Equal("FROM python:3.12-slim\n", result);
    }

    [Theory]
    [InlineData("FROM python:3.12\n")]
    [InlineData("FROM python:3.12-slim\n")]
    [InlineData("FROM python:3.12 AS b\nFROM alpine:3.20\nCOPY --from=b / /\n")]
    public void Apply_NoSlimVariantAvailableOrNeeded_DoesNotApply(string dockerfile)
    {
        // Arrange
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { "debian:bookworm-slim" } };

        // Act
        var result = RewriteHarness.Apply(new SmallerBaseRewrite(), dockerfile, options);

        // Assert
        Assert.Null(result);
    }
}
