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

    [Fact]
    public void Apply_NodeBuildWithDevDependencies_BuilderBuildsAndPrunesAndRuntimeCopiesTheAppDirectory()
    {
        // Arrange
        const string dockerfile = """
            FROM node:20-bookworm
            WORKDIR /app
            COPY package*.json ./
            RUN npm ci
            COPY . .
            RUN npm run build
            CMD ["node", "dist/server.js"]

            """;

        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Equal("""
            FROM node:20-bookworm AS builder
            WORKDIR /app
            COPY package*.json ./
            RUN npm ci
            COPY . .
            RUN npm run build
            RUN npm prune --omit=dev

            FROM node:20-bookworm
            WORKDIR /app
            COPY --from=builder /app /app
            CMD ["node", "dist/server.js"]

            """, result);
    }

    [Fact]
    public void Apply_NodeNativeModulesWithToolchain_ToolchainStaysInTheBuilderAndTheChownIsCarriedOver()
    {
        // Arrange: no script runs, but the toolchain is there for native modules.
        const string dockerfile = """
            FROM node:20-bookworm
            RUN apt-get update && apt-get install -y build-essential python3
            ENV NODE_ENV=production
            USER node
            WORKDIR /home/node/app
            COPY --chown=node:node package.json package-lock.json ./
            RUN npm ci \
             && npm cache clean --force
            COPY --chown=node:node src/ src/
            EXPOSE 3000
            CMD ["node", "src/index.js"]
            """;

        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Equal("""
            FROM node:20-bookworm AS builder
            RUN apt-get update && apt-get install -y build-essential python3
            ENV NODE_ENV=production
            USER node
            WORKDIR /home/node/app
            COPY --chown=node:node package.json package-lock.json ./
            RUN npm ci \
             && npm cache clean --force
            RUN npm prune --omit=dev

            FROM node:20-bookworm
            ENV NODE_ENV=production
            USER node
            WORKDIR /home/node/app
            COPY --from=builder --chown=node:node /home/node/app /home/node/app
            COPY --chown=node:node src/ src/
            EXPOSE 3000
            CMD ["node", "src/index.js"]
            """, result);
    }

    [Theory]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n")]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nRUN npm run build\n")]
    [InlineData("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install -g typescript\nRUN npm run build\n")]
    public void Apply_NodeWithoutDevDependenciesNeededOrToolchain_DoesNotApply(string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.Null(result);
    }

    [Theory]
    [InlineData("several WORKDIRs", "FROM node:20\nWORKDIR /app\nCOPY . .\nWORKDIR /app/web\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("no WORKDIR", "FROM node:20\nCOPY . .\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("WORKDIR after npm", "FROM node:20\nCOPY . /app\nRUN npm ci\nWORKDIR /app\nRUN npm run build\n")]
    [InlineData("WORKDIR holding the system", "FROM node:20\nWORKDIR /usr\nCOPY . .\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("WORKDIR from a variable", "FROM node:20\nARG APP=/app\nWORKDIR $APP\nCOPY . .\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("npm in a sub-directory", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN cd web && npm ci\nRUN npm run build\n")]
    [InlineData("npm --prefix", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --prefix web\nRUN npm --prefix web run build\n")]
    [InlineData("exec-form RUN", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN [\"npm\", \"ci\"]\nRUN npm run build\n")]
    [InlineData("here-document", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nnpm ci\nEOF\nRUN npm run build\n")]
    [InlineData("another RUN among the steps", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN chmod +x bin/cli\nRUN npm run build\n")]
    [InlineData("npm beside other commands", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN apt-get install -y curl && npm ci\nRUN npm run build\n")]
    [InlineData("a compiler beside npm", "FROM node:20\nRUN apt-get install -y gcc\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN gcc -o /usr/local/bin/x x.c\n")]
    [InlineData("USER without --chown", "FROM node:20\nUSER node\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n")]
    [InlineData("different owners", "FROM node:20\nWORKDIR /app\nCOPY --chown=node package.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n")]
    [InlineData("COPY --chmod", "FROM node:20\nWORKDIR /app\nCOPY --chmod=755 . .\nRUN npm ci\nRUN npm run build\n")]
    public void Apply_NodeBuildItCannotBeSureOf_DoesNotApply(string unsure, string dockerfile)
    {
        // Act
        var result = RewriteHarness.Apply(new MultiStageSplitRewrite(), dockerfile);

        // Assert
        Assert.True(result is null, $"{unsure}:\n{result}");
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
