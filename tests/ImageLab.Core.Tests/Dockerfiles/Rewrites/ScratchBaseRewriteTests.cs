using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class ScratchBaseRewriteTests
{
    // A naive C build: the full base, the compiler installed, a plain dynamic link.
    private const string NaiveC = """
        FROM debian:bookworm
        RUN apt-get update && apt-get install -y gcc libc6-dev
        WORKDIR /opt/tool
        COPY tool.c .
        RUN cc -O2 -Wall -o tool tool.c -lm
        ENTRYPOINT ["/opt/tool/tool"]
        """;

    [Fact]
    public void Apply_NaiveCAfterTheSplit_LinksStaticallyAndRunsOnScratch()
    {
        // Arrange
        var split = RewriteHarness.Apply(new MultiStageSplitRewrite(), NaiveC)!;

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), split);

        // Assert
        Assert.Equal("""
            FROM debian:bookworm AS builder
            RUN apt-get update && apt-get install -y gcc libc6-dev
            WORKDIR /opt/tool
            COPY tool.c .
            RUN cc -static -O2 -Wall -o tool tool.c -lm

            FROM scratch
            WORKDIR /opt/tool
            COPY tool.c .
            COPY --from=builder /opt/tool/tool /opt/tool/tool
            ENTRYPOINT ["/opt/tool/tool"]
            """, result);
        Assert.True(DockerfileParser.Parse(result).IsValid);
    }

    [Fact]
    public void Apply_StaticProgramOnBookwormSlim_ScratchKeepsEverythingElse()
    {
        // Arrange
        const string dockerfile = """
            FROM debian:bookworm AS build
            WORKDIR /src
            COPY . .
            RUN mkdir /out && gcc -static -O2 -o /out/hello hello.c

            # Runtime.
            FROM debian:bookworm-slim  AS runtime
            COPY --from=build /out/hello /usr/local/bin/
            COPY greeting.txt /etc/hello/
            USER 65532:65532
            ENTRYPOINT ["hello"]
            CMD ["--loud"]
            """;

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile);

        // Assert
        Assert.Equal(dockerfile.Replace("FROM debian:bookworm-slim  AS runtime", "FROM scratch  AS runtime", StringComparison.Ordinal), result);
    }

    [Fact]
    public void Apply_GoWithCgoDisabledByEnv_ScratchFinalBase()
    {
        // Arrange
        const string dockerfile = """
            FROM golang:1.23 AS build
            WORKDIR /app
            ENV CGO_ENABLED=0
            COPY . .
            RUN go build -o /bin/server ./cmd/server
            FROM alpine:3.20
            COPY --from=build /bin/server /server
            COPY config.yaml /etc/server/config.yaml
            EXPOSE 8080
            CMD ["/server"]
            """;

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile);

        // Assert
        Assert.Equal("""
            FROM golang:1.23 AS build
            WORKDIR /app
            ENV CGO_ENABLED=0
            COPY . .
            RUN go build -o /bin/server ./cmd/server
            FROM scratch
            COPY --from=build /bin/server /server
            COPY config.yaml /etc/server/config.yaml
            EXPOSE 8080
            CMD ["/server"]
            """, result);
    }

    [Theory]
    [InlineData("WORKDIR /app\nRUN CGO_ENABLED=0 go build -o server .", "/app/server")]
    [InlineData("RUN export CGO_ENABLED=0 && go build -o /server .", "/server")]
    [InlineData("WORKDIR /src\nRUN cargo build --release --target x86_64-unknown-linux-musl", "/src/target/x86_64-unknown-linux-musl/release/server")]
    [InlineData("WORKDIR /src\nRUN make LDFLAGS=-static", "/src/server")]
    [InlineData("RUN CFLAGS=\"-O2 -static\" make -C /src", "/src/server")]
    [InlineData("RUN g++ -static -o /server server.cpp", "/server")]
    public void Apply_StaticallyLinkedBuilds_ScratchFinalBase(string build, string program)
    {
        // Arrange
        var dockerfile = $"FROM builder-image AS build\n{build}\nFROM debian:bookworm\nCOPY --from=build {program} /server\nCMD [\"/server\"]\n";

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile);

        // Assert
        Assert.Equal(dockerfile.Replace("FROM debian:bookworm", "FROM scratch", StringComparison.Ordinal), result);
    }

    [Fact]
    public void Apply_UserNamedThatDistrolessHasAndDistrolessOnTheEngine_DistrolessStatic()
    {
        // Arrange
        const string dockerfile = "FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /server .\nFROM debian:bookworm\nCOPY --from=build --chown=nonroot /server /server\nUSER nonroot:nonroot\nCMD [\"/server\"]\n";
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { ScratchBaseRewrite.DistrolessStatic } };

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile, options);

        // Assert
        Assert.Equal(dockerfile.Replace("FROM debian:bookworm", "FROM gcr.io/distroless/static-debian12", StringComparison.Ordinal), result);
    }

    [Theory]
    [InlineData("RUN gcc -static -o /hello hello.c", "RUN echo ready > /ready\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "CMD /hello")]
    [InlineData("RUN gcc -static -o /hello hello.c", "ENTRYPOINT /hello\nCMD [\"--loud\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "USER app\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "USER nonroot\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "COPY --chown=app:app hello.conf /etc/\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "HEALTHCHECK CMD /hello --ping\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "")]
    [InlineData("RUN gcc -static -o /hello hello.c", "CMD [\"/bin/date\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c\nRUN echo hi > /hello.conf", "COPY --from=build /hello.conf /etc/\nCMD [\"/hello\"]")]
    [InlineData("RUN gcc -static -o /hello hello.c", "COPY --from=busybox:1.36 /bin/busybox /busybox\nCMD [\"/hello\"]")]
    [InlineData("RUN g++ -o /hello hello.cpp", "CMD [\"/hello\"]")]
    [InlineData("RUN gcc -o /hello hello.c -lssl", "CMD [\"/hello\"]")]
    [InlineData("RUN gcc -o /hello hello.c util.o", "CMD [\"/hello\"]")]
    [InlineData("RUN go build -o /hello .", "CMD [\"/hello\"]")]
    [InlineData("ENV CGO_ENABLED=0\nRUN CGO_ENABLED=1 go build -o /hello .", "CMD [\"/hello\"]")]
    [InlineData("RUN cargo build --release", "CMD [\"/hello\"]")]
    [InlineData("RUN make", "CMD [\"/hello\"]")]
    [InlineData("RUN [\"gcc\", \"-o\", \"/hello\", \"hello.c\"]", "CMD [\"/hello\"]")]
    [InlineData("RUN gcc \\\n    -o /hello hello.c", "CMD [\"/hello\"]")]
    public void Apply_FinalStageNeedsMoreThanStaticPrograms_DoesNotApply(string build, string runtime)
    {
        // Arrange
        var dockerfile = $"FROM debian:bookworm AS build\n{build}\nFROM debian:bookworm-slim\nCOPY --from=build /hello /hello\n{runtime}\n";

        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }

    [Theory]
    [InlineData("FROM debian:bookworm AS build\nRUN gcc -static -o /hello hello.c\nFROM scratch\nCOPY --from=build /hello /hello\nCMD [\"/hello\"]\n")]
    [InlineData("FROM debian:bookworm\nCOPY hello /hello\nCMD [\"/hello\"]\n")]
    [InlineData("FROM debian:bookworm AS build\nRUN gcc -static -o /hello hello.c\nFROM build\nCMD [\"/hello\"]\n")]
    public void Apply_AlreadyScratchOrNothingCopiedFromABuilder_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new ScratchBaseRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Suggest_NaiveCWithTheSlimBaseOnTheEngine_ScratchWinsAndIsMeasuredOnTopOfTheSplit()
    {
        // Arrange
        var rewriter = new DockerfileRewriter();
        var options = new DockerfileRewriteOptions { AvailableImages = new HashSet<string> { "debian:bookworm-slim" } };

        // Act
        var suggestion = rewriter.Suggest(NaiveC, options);
        var ablation = rewriter.Ablate(NaiveC, ScratchBaseRewrite.RewriteId, suggestion.Transformations.Select(t => t.Id).ToList(), options);

        // Assert
        var ids = suggestion.Transformations.Select(t => t.Id).ToList();
        Assert.Contains(ScratchBaseRewrite.RewriteId, ids);
        Assert.DoesNotContain("smaller-base", ids);
        Assert.Contains("\nFROM scratch\n", suggestion.Text, StringComparison.Ordinal);
        Assert.Equal([MultiStageSplitRewrite.RewriteId], ablation!.BuiltWith);
        Assert.Equal(RewriteHarness.Apply(new MultiStageSplitRewrite(), NaiveC), ablation.Baseline);
        Assert.Equal(RewriteHarness.Apply(new ScratchBaseRewrite(), ablation.Baseline), ablation.Text);
    }
}
