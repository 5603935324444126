using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class DockerfileRewriterTests
{
    private const string PipWithToolchain = """
        FROM python:3.11-bookworm
        RUN apt-get install -y gcc make
        COPY app.whl .
        RUN pip install app.whl
        CMD ["python3", "-m", "app"]

        """;

    private const string NodeWithToolchain = """
        FROM node:20-bookworm
        RUN apt-get update && apt-get install -y build-essential python3
        WORKDIR /app
        COPY package*.json ./
        RUN npm ci
        COPY . .
        CMD ["node", "server.js"]

        """;

    private static DockerfileRewriteOptions SlimPython => new() { AvailableImages = new HashSet<string> { "python:3.11-slim-bookworm" } };

    [Fact]
    public void Suggest_PythonOfflineNaive_AddsNoRecommendsCleansTheListsInTheirLayerAndSlimsTheBase()
    {
        // Arrange
        var dockerfile = ReadSample("python-offline", "Dockerfile.1-naive");
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { "python:3.11-slim-bookworm" } };

        // Act
        var suggestion = new DockerfileRewriter().Suggest(dockerfile, options);

        // Assert
        Assert.Equal(
            ["apt-no-install-recommends@6", "apt-lists-cleanup@6", "join-runs@5", "smaller-base@2"],
            suggestion.Transformations.Select(t => $"{t.Id}@{t.Line}"));
        Assert.Equal("""
            # The first attempt: everything in one stage on the full image.
            FROM python:3.11-slim-bookworm
            WORKDIR /app
            COPY packages.txt .
            RUN apt-get update \
             && xargs apt-get install --no-install-recommends -y < packages.txt && rm -rf /var/lib/apt/lists/*
            COPY main.py .
            EXPOSE 8000
            CMD ["python3", "-m", "uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]

            """, suggestion.Text);
    }

    [Fact]
    public void Suggest_ShellOfflineNaive_JoinsTheDeletionIntoTheCopyAndSlimsTheBase()
    {
        // Arrange
        var dockerfile = ReadSample("shell-offline", "Dockerfile.1-naive");
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { "debian:bookworm-slim" } };

        // Act
        var suggestion = new DockerfileRewriter().Suggest(dockerfile, options);

        // Assert
        Assert.Equal(["join-runs@6", "smaller-base@2"], suggestion.Transformations.Select(t => $"{t.Id}@{t.Line}"));
        Assert.Contains("RUN cp -a /usr/lib/x86_64-linux-gnu/gconv /app/toolchain \\\n && rm -rf /app/toolchain\n", suggestion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_ExcludedRewrite_IsLeftOut()
    {
        // Arrange
        var dockerfile = ReadSample("shell-offline", "Dockerfile.1-naive");
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { "debian:bookworm-slim" } };

        // Act
        var suggestion = new DockerfileRewriter().Suggest(dockerfile, options, excluded: ["smaller-base"]);

        // Assert
        Assert.Equal(["join-runs"], suggestion.Transformations.Select(t => t.Id));
        Assert.Contains("FROM debian:bookworm\n", suggestion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_OptimizedIteration_HasNoTransformation()
    {
        // Arrange
        var dockerfile = ReadSample("shell-offline", "Dockerfile.4-busybox");

        // Act
        var suggestion = new DockerfileRewriter().Suggest(dockerfile, new DockerfileRewriteOptions());

        // Assert
        Assert.False(suggestion.HasChanges);
        Assert.Equal(dockerfile, suggestion.Text);
    }

    [Fact]
    public void Suggest_WeightsInTheContext_CarriesTheNewDockerignoreAndThenNothingIsLeftToDo()
    {
        // Arrange
        const string dockerfile = "FROM debian:bookworm\nRUN apt-get install -y curl\nCOPY . /app\n";
        var options = new DockerfileRewriteOptions
        {
            ContextFiles = [new DockerfileContextFile("models/weights.bin", 120L * 1024 * 1024)],
            DockerIgnore = ".git\n",
        };
        var rewriter = new DockerfileRewriter();

        // Act
        var suggestion = rewriter.Suggest(dockerfile, options);
        var again = rewriter.Suggest(suggestion.Text, options with { DockerIgnore = suggestion.DockerIgnore });

        // Assert
        Assert.Equal("context-files-out", suggestion.Transformations[0].Id);
        Assert.Contains("apt-no-install-recommends", suggestion.Transformations.Select(t => t.Id));
        Assert.Equal(3, suggestion.Transformations[0].Line);
        Assert.Equal($".git\n{ContextFilesOutRewrite.EntriesHeader}\nmodels/weights.bin\n", suggestion.DockerIgnore);
        Assert.False(again.HasChanges);
    }

    [Fact]
    public void Ablate_ContextFilesOut_OnlyItsBuildHasTheNewDockerignore()
    {
        // Arrange
        const string dockerfile = "FROM debian:bookworm\nRUN apt-get install -y curl\nCOPY . /app\n";
        var options = new DockerfileRewriteOptions { ContextFiles = [new DockerfileContextFile("models/weights.bin", 120L * 1024 * 1024)] };
        var rewriter = new DockerfileRewriter();
        var suggestion = rewriter.Suggest(dockerfile, options);
        var suggested = suggestion.Transformations.Select(t => t.Id).ToList();

        // Act
        var filesOut = rewriter.Ablate(dockerfile, "context-files-out", suggested, options)!;
        var noRecommends = rewriter.Ablate(dockerfile, "apt-no-install-recommends", suggested, options)!;

        // Assert
        Assert.Equal(suggestion.DockerIgnore, filesOut.DockerIgnore);
        Assert.Contains("\n# models/weights.bin (", filesOut.Text, StringComparison.Ordinal);
        Assert.Contains("install -y curl\n", filesOut.Text, StringComparison.Ordinal);
        Assert.Equal((dockerfile, null), (filesOut.Baseline, filesOut.BaselineDockerIgnore));
        Assert.Null(noRecommends.DockerIgnore);
        Assert.DoesNotContain("weights", noRecommends.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ablate_IndependentRewrite_IsTheSourceWithItAlone()
    {
        // Arrange
        var dockerfile = ReadSample("python-offline", "Dockerfile.1-naive");
        var rewriter = new DockerfileRewriter();
        var suggested = rewriter.Suggest(dockerfile).Transformations.Select(t => t.Id).ToList();

        // Act
        var ablation = rewriter.Ablate(dockerfile, "apt-no-install-recommends", suggested);

        // Assert
        Assert.NotNull(ablation);
        Assert.Empty(ablation.BuiltWith);
        Assert.Equal(dockerfile, ablation.Baseline);
        Assert.Equal(dockerfile.Replace("xargs apt-get install -y", "xargs apt-get install --no-install-recommends -y", StringComparison.Ordinal), ablation.Text);
    }

    [Fact]
    public void Ablate_JoinNeedingTheCleanup_IsBuiltWithTheCleanupOnly()
    {
        // Arrange
        var dockerfile = ReadSample("python-offline", "Dockerfile.1-naive");
        var rewriter = new DockerfileRewriter();
        var suggested = rewriter.Suggest(dockerfile).Transformations.Select(t => t.Id).ToList();

        // Act
        var ablation = rewriter.Ablate(dockerfile, "join-runs", suggested);

        // Assert
        Assert.NotNull(ablation);
        Assert.Equal(["apt-lists-cleanup"], ablation.BuiltWith);
        Assert.Equal(rewriter.Ablate(dockerfile, "apt-lists-cleanup", suggested)!.Text, ablation.Baseline);
        Assert.Contains("RUN apt-get update \\\n && xargs apt-get install -y < packages.txt && rm -rf /var/lib/apt/lists/*\n", ablation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ablate_SmallerBaseWithTheSplitInTheSuggestion_IsBuiltOnTopOfTheSplitAndMeasuredAgainstIt()
    {
        // Arrange: alone, the slim base would have to run the toolchain step; it is meant for the split's runtime stage.
        var rewriter = new DockerfileRewriter();
        var suggested = rewriter.Suggest(PipWithToolchain, SlimPython).Transformations.Select(t => t.Id).ToList();

        // Act
        var ablation = rewriter.Ablate(PipWithToolchain, "smaller-base", suggested, SlimPython);

        // Assert
        Assert.Contains("multi-stage-split", suggested);
        Assert.NotNull(ablation);
        Assert.Equal(["multi-stage-split"], ablation.BuiltWith);
        Assert.Equal(rewriter.Ablate(PipWithToolchain, "multi-stage-split", suggested, SlimPython)!.Text, ablation.Baseline);
        Assert.StartsWith("FROM python:3.11-bookworm AS builder\n", ablation.Text, StringComparison.Ordinal);
        Assert.Equal(ablation.Baseline.Replace("\nFROM python:3.11-bookworm\n", "\nFROM python:3.11-slim-bookworm\n", StringComparison.Ordinal), ablation.Text);
    }

    [Fact]
    public void Ablate_SmallerBaseWithoutTheSplit_StandsAloneOnTheSource()
    {
        // Arrange
        var dockerfile = ReadSample("python-offline", "Dockerfile.1-naive");
        var rewriter = new DockerfileRewriter();
        var suggested = rewriter.Suggest(dockerfile, SlimPython).Transformations.Select(t => t.Id).ToList();

        // Act
        var ablation = rewriter.Ablate(dockerfile, "smaller-base", suggested, SlimPython);

        // Assert
        Assert.NotNull(ablation);
        Assert.Empty(ablation.BuiltWith);
        Assert.Equal(dockerfile, ablation.Baseline);
        Assert.Equal(dockerfile.Replace("FROM python:3.11-bookworm", "FROM python:3.11-slim-bookworm", StringComparison.Ordinal), ablation.Text);
    }

    [Fact]
    public void Ablate_SmallerBaseWhoseSplitWasDropped_StandsAloneOnTheSource()
    {
        // Arrange: the prover passes the transformations still kept.
        var rewriter = new DockerfileRewriter();

        // Act
        var ablation = rewriter.Ablate(PipWithToolchain, "smaller-base", ["pip-no-cache-dir", "smaller-base"], SlimPython);

        // Assert
        Assert.NotNull(ablation);
        Assert.Empty(ablation.BuiltWith);
        Assert.Equal(PipWithToolchain, ablation.Baseline);
        Assert.StartsWith("FROM python:3.11-slim-bookworm\n", ablation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_NodeNativeModulesWithoutScripts_SplitsAndNpmOmitDevNoLongerApplies()
    {
        // Arrange: alone, npm-omit-dev would add --omit=dev (no script runs); after the split the runtime installs nothing.
        var rewriter = new DockerfileRewriter();

        // Act
        var suggestion = rewriter.Suggest(NodeWithToolchain);

        // Assert
        Assert.Equal(["apt-no-install-recommends", "multi-stage-split"], suggestion.Transformations.Select(t => t.Id));
        Assert.NotNull(new NpmOmitDevRewrite().Apply(new DockerfileRewriteContext(NodeWithToolchain)));
        Assert.Contains("RUN npm ci\nRUN npm prune --omit=dev\n\nFROM node:20-bookworm\nWORKDIR /app\nCOPY --from=builder /app /app\n", suggestion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ablate_NodeSplit_IsTheSourceWithTheSplitAlone()
    {
        // Arrange
        var rewriter = new DockerfileRewriter();
        var suggested = rewriter.Suggest(NodeWithToolchain).Transformations.Select(t => t.Id).ToList();

        // Act
        var ablation = rewriter.Ablate(NodeWithToolchain, "multi-stage-split", suggested);

        // Assert
        Assert.NotNull(ablation);
        Assert.Empty(ablation.BuiltWith);
        Assert.Equal(NodeWithToolchain, ablation.Baseline);
        Assert.Equal(new MultiStageSplitRewrite().Apply(new DockerfileRewriteContext(NodeWithToolchain))!.Text, ablation.Text);
    }

    private static string ReadSample(string ladder, string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ImageLab.sln")))
        {
            directory = directory.Parent;
        }

        var samples = Environment.GetEnvironmentVariable("IMAGELAB_SAMPLES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The repository root (ImageLab.sln) was not found."), "samples");
        return File.ReadAllText(Path.Combine(samples, ladder, file));
    }
}
