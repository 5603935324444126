using ImageLab.Core.Dockerfiles;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Pipeline;

namespace ImageLab.Worker.Tests.Pipeline;

public sealed class LayerAttributionTests
{
    [Theory]
    [InlineData("RUN /bin/sh -c apt-get update # buildkit", "RUN")]
    [InlineData("COPY main.py . # buildkit", "COPY")]
    [InlineData("WORKDIR /app", "WORKDIR")]
    [InlineData("CMD [\"python3\"]", "CMD")]
    [InlineData("EXPOSE map[8000/tcp:{}]", "EXPOSE")]
    [InlineData("/bin/sh -c #(nop)  CMD [\"python3\"]", "CMD")]
    [InlineData("/bin/sh -c #(nop) COPY file:0a1b2c in . ", "COPY")]
    [InlineData("/bin/sh -c apt-get update", "RUN")]
    [InlineData("|1 VERSION=3 /bin/sh -c echo $VERSION", "RUN")]
    [InlineData("/bin/busybox --install -s /bin", "RUN")]
    [InlineData("", null)]
    public void KeywordOf_HistoryCreatedBy_NamesTheInstruction(string createdBy, string? expected) =>
        Assert.Equal(expected, LayerAttribution.KeywordOf(createdBy));

    [Fact]
    public void Attribute_BaseAndOwnLayers_MatchedToDockerfileLinesOldestFirst()
    {
        // Arrange
        var document = DockerfileParser.Parse("""
            FROM python:3.11-slim
            WORKDIR /app
            ARG VERSION=1
            RUN apt-get update \
             && apt-get install -y curl
            COPY main.py .
            CMD ["python3", "main.py"]
            """);
        var (baseImage, own) = BaseImageResolver.Resolve(document, target: null);
        var history = new[]
        {
            Entry("CMD [\"python3\" \"main.py\"]", 0),
            Entry("COPY main.py . # buildkit", 120),
            Entry("RUN |1 VERSION=1 /bin/sh -c apt-get update && apt-get install -y curl # buildkit", 5_000_000),
            Entry("WORKDIR /app", 0),
            Entry("/bin/sh -c #(nop)  CMD [\"python3\"]", 0),
            Entry("/bin/sh -c apt-get install python3", 40_000_000),
            Entry("Imported from -", 70_000_000),
        };

        // Act
        var layers = LayerAttribution.Attribute(history, baseLayerCount: 3, own);

        // Assert
        Assert.Equal("python:3.11-slim", baseImage);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], layers.Select(l => l.Index));
        Assert.Equal([true, true, true, false, false, false, false], layers.Select(l => l.FromBaseImage));
        Assert.Equal(70_000_000, layers[0].SizeBytes);
        Assert.Equal([null, null, null, "WORKDIR", "RUN", "COPY", "CMD"], layers.Select(l => l.Instruction));
        Assert.Equal([null, null, null, 2, 4, 6, 7], layers.Select(l => l.Line));
    }

    [Fact]
    public void Resolve_MultiStageFromEarlierStage_FollowsTheChainToTheRootImage()
    {
        // Arrange
        var document = DockerfileParser.Parse("""
            FROM debian:bookworm AS base
            RUN echo base
            FROM base AS app
            COPY . /app
            FROM busybox AS unrelated
            RUN echo other
            FROM app
            CMD ["/app/run"]
            """);

        // Act
        var (baseImage, own) = BaseImageResolver.Resolve(document, target: null);

        // Assert
        Assert.Equal("debian:bookworm", baseImage);
        Assert.Equal(["RUN", "COPY", "CMD"], own.Select(i => i.Keyword));
    }

    private static HistoryEntry Entry(string createdBy, long size) =>
        new("<missing>", DateTimeOffset.UnixEpoch, createdBy, size, "", size == 0, []);
}
