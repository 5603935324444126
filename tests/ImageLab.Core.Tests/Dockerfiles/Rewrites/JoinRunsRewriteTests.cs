using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class JoinRunsRewriteTests
{
    [Theory]
    [InlineData(
        "FROM debian:bookworm\nRUN cp -a /usr/lib/gconv /app/toolchain\nRUN rm -rf /app/toolchain\nCMD [\"x\"]\n",
        "FROM debian:bookworm\nRUN cp -a /usr/lib/gconv /app/toolchain \\\n && rm -rf /app/toolchain\nCMD [\"x\"]\n")]
    [InlineData(
        "FROM debian:bookworm\nRUN apt-get update\n# then install\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:bookworm\nRUN apt-get update \\\n# then install\n && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData(
        "FROM debian:bookworm\nRUN mkdir /x && touch /x/a\nRUN rm /x/a\nRUN rm -r /x\n",
        "FROM debian:bookworm\nRUN mkdir /x && touch /x/a \\\n && rm /x/a \\\n && rm -r /x\n")]
    public void Apply_LaterRunDeletesWhatEarlierMade_JoinsThem(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new JoinRunsRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM debian:bookworm\nRUN touch /a\nRUN rm /b\n")]
    [InlineData("FROM debian:bookworm\nRUN touch /a\n\nRUN rm /a\n")]
    [InlineData("FROM debian:bookworm\nRUN touch /a\nRUN rm /a; echo done\n")]
    [InlineData("FROM debian:bookworm\nRUN touch /a\nWORKDIR /\nRUN rm /a\n")]
    [InlineData("FROM debian:bookworm\nRUN --network=none touch /a\nRUN rm /a\n")]
    public void Apply_UnrelatedSeparatedOrUnsafe_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new JoinRunsRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }
}
