using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

public sealed class MultiStageSplitRewriteTests
{
    [Fact]
    public void Apply_CompiledProgram_BuilderCompilesAndRuntimeCopiesTheBinary()
    {
        // Arrange
        const string dockerfile = """
            # A C tool.
            FROM debian:bookworm
            WORKDIR /src
            COPY hello.c .
            RUN apt-get update && apt-get install -y gcc libc6-dev
            RUN gcc -O2 -o hello hello.c
            CMD ["/src/hello"]

            """;

        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Equal("""
            # A C tool.
            FROM debian:bookworm AS builder
            WORKDIR /src
            COPY hello.c .
            RUN apt-get update && apt-get install -y gcc libc6-dev
            RUN gcc -O2 -o hello hello.c

            FROM debian:bookworm
            WORKDIR /src
            COPY hello.c .
            COPY --from=builder /src/hello /src/hello
            CMD ["/src/hello"]

            """, result);
        Assert.True(DockerfileParser.Parse(result).IsValid);
    }

    [Fact]
    public void Apply_PipWithCompilers_BuilderFillsAVenvThatTheRuntimeCopies()
    {
        // Arrange
        const string dockerfile = """
            FROM python:3.12
            RUN apt-get update && apt-get install -y build-essential
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            COPY main.py .
            CMD ["python", "main.py"]
            """;

        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Equal("""
            FROM python:3.12 AS builder
            RUN apt-get update && apt-get install -y build-essential
            WORKDIR /app
            COPY requirements.txt .
            RUN python3 -m venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            RUN pip install -r requirements.txt
            # The runtime copies the environment without what built it: pip, setuptools and wheel (unless a package requires them) and the activate scripts.
            RUN for tool in wheel setuptools pip; do \
                  /opt/venv/bin/python -m pip show "$tool" 2>/dev/null | grep -q '^Required-by: .' \
                    || /opt/venv/bin/python -m pip uninstall -q -y "$tool"; \
                done \
             && rm -f /opt/venv/bin/activate /opt/venv/bin/activate.* /opt/venv/bin/Activate.ps1

            FROM python:3.12
            WORKDIR /app
            COPY requirements.txt .
            COPY --from=builder /opt/venv /opt/venv
            ENV PATH="/opt/venv/bin:$PATH"
            COPY main.py .
            CMD ["python", "main.py"]
            """, result);
    }

    [Theory]
    [InlineData("FROM debian:bookworm AS b\nRUN apt-get install -y gcc\nFROM debian:bookworm\nCOPY --from=b /x /x\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get install -y curl\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get install -y gcc make && make\n")]
    public void Apply_MultiStageNoToolchainOrOutputUnknown_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }
}
