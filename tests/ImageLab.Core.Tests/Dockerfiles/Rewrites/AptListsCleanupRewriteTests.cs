using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class AptListsCleanupRewriteTests
{
    [Theory]
    [InlineData(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData(
        "FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl   \nCMD [\"curl\"]\n",
        "FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD [\"curl\"]\n")]
    [InlineData(
        "FROM debian:bookworm\nRUN apt-get update && \\\n\tapt-get install -y curl\n",
        "FROM debian:bookworm\nRUN apt-get update && \\\n\tapt-get install -y curl && \\\n\trm -rf /var/lib/apt/lists/*\n")]
    [InlineData(
        "FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n",
        "FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    public void Apply_LastAptRun_EndsWithTheCleanupInItsLayout(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new AptListsCleanupRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl # tools\n")]
    [InlineData("FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n")]
    [InlineData("FROM debian:bookworm AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    public void Apply_CleanedCommentedOrNeededLater_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new AptListsCleanupRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }
}
