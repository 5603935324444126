using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class CommandOptionRewriteTests
{
    [Theory]
    [InlineData("FROM debian:bookworm\nRUN apt-get update && apt-get install -y gcc\n", "FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y gcc\n")]
    [InlineData("FROM debian:bookworm\nRUN xargs apt-get install -y < packages.txt\n", "FROM debian:bookworm\nRUN xargs apt-get install --no-install-recommends -y < packages.txt\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get -y \\\n    install curl\n", "FROM debian:bookworm\nRUN apt-get -y \\\n    install --no-install-recommends curl\n")]
    [InlineData("FROM debian:bookworm\r\nRUN apt install a && apt-get install --no-install-recommends b\r\n", "FROM debian:bookworm\r\nRUN apt install --no-install-recommends a && apt-get install --no-install-recommends b\r\n")]
    public void AptNoInstallRecommends_Install_GetsTheOptionAfterInstall(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new AptNoInstallRecommendsRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM debian:bookworm\nRUN apt-get install --no-install-recommends -y gcc\n")]
    [InlineData("FROM debian:bookworm\nRUN echo apt-get install gcc\n")]
    [InlineData("FROM debian:bookworm\nRUN [\"apt-get\", \"install\", \"gcc\"]\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get -o APT::Install-Recommends=false install gcc\n")]
    public void AptNoInstallRecommends_NothingToFix_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new AptNoInstallRecommendsRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }

    [Theory]
    [InlineData("FROM python:3.12\nRUN pip install -r requirements.txt\n", "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n")]
    [InlineData("FROM python:3.12\nRUN python3 -m pip install --upgrade pip && pip3.12 install x\n", "FROM python:3.12\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3.12 install --no-cache-dir x\n")]
    public void PipNoCacheDir_Install_GetsTheOption(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new PipNoCacheDirRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x\n")]
    [InlineData("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n")]
    [InlineData("FROM python:3.12\nRUN uv pip install x\n")]
    public void PipNoCacheDir_NoCacheLeft_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new PipNoCacheDirRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }

    [Theory]
    [InlineData("FROM alpine:3.20\nRUN apk add curl\n", "FROM alpine:3.20\nRUN apk add --no-cache curl\n")]
    [InlineData("FROM alpine:3.20\nRUN apk --update add --virtual .deps gcc\n", "FROM alpine:3.20\nRUN apk --update add --no-cache --virtual .deps gcc\n")]
    public void ApkNoCache_Add_GetsTheOption(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new ApkNoCacheRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM node:22\nCOPY package*.json ./\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n", "FROM node:22\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD [\"node\", \"index.js\"]\n")]
    [InlineData("FROM node:22\nRUN npm install\n", "FROM node:22\nRUN npm install --omit=dev\n")]
    public void NpmOmitDev_InstallWithoutLaterScripts_GetsTheOption(string dockerfile, string expected)
    {
        // Act
        var result = RewriteHarness.Apply(new NpmOmitDevRewrite(), dockerfile);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("FROM node:22\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("FROM node:22\nRUN npm install express\n")]
    [InlineData("FROM node:22\nRUN npm ci --omit=dev\n")]
    public void NpmOmitDev_DevDependenciesNeededOrNamed_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new NpmOmitDevRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }
}
