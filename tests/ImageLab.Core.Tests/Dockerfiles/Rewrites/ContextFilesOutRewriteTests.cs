using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class ContextFilesOutRewriteTests
{
    private const long Weights = 120L * 1024 * 1024;
    private const string Header = ContextFilesOutRewrite.EntriesHeader;

    [Fact]
    public void Apply_WeightsCopiedWithTheWholeContext_IgnoredAndTheCopyNotesTheMount()
    {
        // Arrange
        const string dockerfile = "FROM busybox:1.36\n  COPY . /app\nCMD [\"sh\"]\n";
        var options = Context(null, ("models/weights.bin", Weights), ("app.sh", 120));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(dockerfile, options))!;

        // Assert
        Assert.Equal($"{Header}\nmodels/weights.bin\n", result.DockerIgnore);
        Assert.Equal(
            $"FROM busybox:1.36\n  # models/weights.bin ({ByteSize.Format(Weights)}): model weights left out of the image by .dockerignore; mount them at run time: docker run -v ./models:/app/models ...\n  COPY . /app\nCMD [\"sh\"]\n",
            result.Text);
        Assert.Equal(2, result.Line);
        Assert.Equal([2], result.ChangedLines);
    }

    [Fact]
    public void Apply_ContextHasADockerignore_KeptByteForByteAndTheEntriesAppended()
    {
        // Arrange: CRLF and no newline at its end.
        var options = Context(".git\r\n# logs\r\n*.log", ("data/dump.sql", Weights), (".dockerignore", 20));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext("FROM busybox:1.36\nCOPY . /srv/\n", options))!;

        // Assert: not weights and never named, so out of the context with the Dockerfile as it was.
        Assert.Equal($".git\r\n# logs\r\n*.log\r\n{Header}\r\ndata/dump.sql\r\n", result.DockerIgnore);
        Assert.Equal("FROM busybox:1.36\nCOPY . /srv/\n", result.Text);
        Assert.Empty(result.ChangedLines);
        Assert.Equal(2, result.Line);
    }

    [Theory]
    [InlineData("FROM busybox:1.36\nCOPY . /app\nRUN gunzip -k data/dump.sql.gz\n")]
    [InlineData("FROM busybox:1.36\nCOPY . /app\nCMD [\"load\", \"/app/data/dump.sql.gz\"]\n")]
    [InlineData("FROM busybox:1.36\nCOPY . /app\nRUN <<EOF\nls data\nEOF\n")]
    public void Apply_LargeFileALaterInstructionNames_IsKept(string dockerfile)
    {
        // Arrange
        var options = Context(null, ("data/dump.sql.gz", Weights));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(dockerfile, options));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Apply_NamedOnlyInsideALongerWord_IsLeftOut()
    {
        // Arrange: "metadata" does not name the folder "data".
        var options = Context(null, ("data/dump.sql", Weights));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext("FROM busybox:1.36\nCOPY . /app\nRUN ls /app/metadata\n", options));

        // Assert
        Assert.Equal($"{Header}\ndata/dump.sql\n", result?.DockerIgnore);
    }

    [Theory]
    [InlineData("FROM busybox:1.36\nWORKDIR /srv\nCOPY models ./models\n", "-v ./models:/srv/models")]
    [InlineData("FROM busybox:1.36\nCOPY models/weights.bin /opt/w.bin\n", "-v ./models/weights.bin:/opt/w.bin")]
    [InlineData("FROM busybox:1.36 AS base\nWORKDIR /a\nFROM base\nWORKDIR b\nCOPY . .\n", "-v ./models:/a/b/models")]
    public void Apply_WeightsCopiedElsewhere_TheMountPointsWhereTheCopyPutThem(string dockerfile, string mount)
    {
        // Arrange
        var options = Context(null, ("models/weights.bin", Weights));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(dockerfile, options));

        // Assert
        Assert.Contains($"docker run {mount} ...", result?.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM busybox:1.36\nCOPY . /app\n", 99L * 1024 * 1024)]
    [InlineData("FROM busybox:1.36\nCOPY app.sh /app/\n", Weights)]
    [InlineData("FROM busybox:1.36 AS build\nCOPY . /src\nFROM busybox:1.36\nCOPY --from=build /src/app.sh /app/\n", Weights)]
    public void Apply_NoLargeFileTakenIntoTheImage_DoesNotApply(string dockerfile, long size)
    {
        // Arrange
        var options = Context(null, ("models/weights.bin", size), ("app.sh", 120));

        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(dockerfile, options));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Apply_ContextUnknown_DoesNotApply()
    {
        // Act
        var result = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext("FROM busybox:1.36\nCOPY models /app/models\n"));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Apply_ItsOwnOutputWithItsDockerignore_ChangesNothing()
    {
        // Arrange
        var options = Context("node_modules\n", ("models/weights.bin", Weights), ("data/dump.sql", Weights), ("[odd].bin", Weights));
        var first = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext("FROM busybox:1.36\nCOPY . /app\n", options))!;

        // Act
        var again = new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(first.Text, options with { DockerIgnore = first.DockerIgnore }));

        // Assert: a name with wildcard characters is not listed, as a pattern would not name it alone.
        Assert.Equal($"node_modules\n{Header}\ndata/dump.sql\nmodels/weights.bin\n", first.DockerIgnore);
        Assert.Null(again);
    }

    private static DockerfileRewriteOptions Context(string? dockerIgnore, params (string Path, long Size)[] files) => new()
    {
        ContextFiles = [.. files.Select(f => new DockerfileContextFile(f.Path, f.Size))],
        DockerIgnore = dockerIgnore,
    };
}
