using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Core.Tests.Dockerfiles.Rewrites;

/// <summary>
/// Property tests over generated Dockerfiles (seeded, so every run checks the same cases): whatever a rewrite does,
/// its output parses, applying it again changes nothing, and every line it did not claim is in the output byte for byte.
/// </summary>
public sealed class DockerfileRewritePropertyTests
{
    private static readonly string[] Bases = ["debian:bookworm", "python:3.12", "python:3.11-bookworm", "node:22", "alpine:3.20", "debian:bookworm-slim"];

    private static readonly string[] Lines =
    [
        "RUN apt-get update", "RUN apt-get install -y gcc make", "RUN apt-get update && apt-get install -y curl",
        "RUN apt-get update \\\n    && apt-get install -y \\\n       build-essential libpq-dev", "RUN xargs apt-get install -y < packages.txt",
        "RUN apt-get update && \\\n\tapt-get -y install git", "RUN rm -rf /var/lib/apt/lists/*", "RUN pip install -r requirements.txt",
        "RUN python3 -m pip install --upgrade pip", "RUN pip install --no-cache-dir flask", "RUN npm ci", "RUN npm install",
        "RUN npm run build", "RUN apk add curl", "RUN apk add --no-cache git", "RUN cp -a /usr/share/doc /app/docs", "RUN rm -rf /app/docs",
        "RUN mkdir -p /opt/x && touch /opt/x/a", "RUN rm /opt/x/a", "RUN gcc -o hello hello.c", "RUN make", "RUN make install",
        "RUN go build -o /usr/local/bin/app .", "RUN echo hi; rm -rf /tmp/x", "RUN [\"apt-get\", \"install\", \"-y\", \"gcc\"]",
        "RUN <<EOF\napt-get install -y gcc\nEOF", "RUN --mount=type=cache,target=/root/.cache/pip pip install x", "RUN apt-get install -y curl # tools",
        "WORKDIR /app", "WORKDIR src", "COPY . .", "COPY requirements.txt .", "ENV PIP_NO_CACHE_DIR=1", "# a comment", "", "  # indented comment",
        "CMD [\"./hello\"]", "EXPOSE 8000", "USER app", "ARG V=1", "COPY models/ /srv/models/", "RUN python load.py data/big.csv",
    ];

    // A Node build's own lines, for the split of a stage that runs npm (and the cases it must leave alone).
    private static readonly string[] NodeLines =
    [
        "COPY package*.json ./", "COPY --chown=node:node package*.json ./", "COPY . .", "COPY --chown=node:node . .", "COPY src/ src/",
        "RUN npm ci", "RUN npm install", "RUN npm ci --omit=dev", "RUN npm run build", "RUN npm test", "RUN npx tsc -p .",
        "RUN npm ci \\\n && npm run build", "RUN node build.js", "RUN npm cache clean --force", "RUN chmod +x bin/cli", "RUN cd web && npm ci",
        "RUN apt-get update && apt-get install -y build-essential python3", "ENV NODE_ENV=production", "USER node", "WORKDIR src",
        "EXPOSE 3000", "CMD [\"node\", \"dist/server.js\"]", "# a comment", "",
    ];

    // A runtime stage of a two-stage build copies the builder's program, draws from these and ends by starting the program
    // (its builder ends with a compile): the final stage a scratch base fits, and each thing that keeps it from applying (a
    // RUN, shell-form CMD, a named user, a copied file that is no program, a program not linked statically).
    private static readonly string[] RuntimeLines =
    [
        "COPY --from=build /src/hello /usr/local/bin/hello", "COPY --from=build /src/hello /usr/local/bin/", "CMD [\"/usr/local/bin/hello\"]",
        "ENTRYPOINT [\"hello\"]", "USER 1000:1000", "COPY hello.conf /etc/hello.conf", "WORKDIR /srv", "EXPOSE 8080", "USER app", "RUN echo hi",
        "CMD hello", "COPY --from=build /src/notes.txt /srv/",
    ];

    private static readonly string[] BuilderLines =
    [
        "RUN gcc -o /src/hello hello.c", "RUN gcc -static -O2 -o /src/hello hello.c", "RUN CGO_ENABLED=0 go build -o /src/hello .",
        "RUN go build -o /src/hello .", "RUN g++ -o /src/hello hello.cpp", "WORKDIR /src\nRUN make LDFLAGS=-static",
    ];

    // A context with model weights and a large data file, for the rewrite that leaves large files out of it.
    private static readonly DockerfileContextFile[] ContextFiles =
        [new("models/weights.bin", 200L * 1024 * 1024), new("data/big.csv", 150L * 1024 * 1024), new("app.py", 1000)];

    [Fact]
    public void EveryRewrite_GeneratedDockerfiles_OutputParsesIsIdempotentAndKeepsUnclaimedLines()
    {
        // Arrange
        var random = new Random(14);
        var options = new DockerfileRewriteOptions { AvailableImages = Bases.SelectMany(SmallerBaseRewrite.SlimVariants).ToHashSet(), ContextFiles = ContextFiles };
        var applied = new Dictionary<string, int>();
        var nodeSplits = 0;

        for (var iteration = 0; iteration < 2500; iteration++)
        {
            var dockerfile = Generate(random);
            var context = new DockerfileRewriteContext(dockerfile, options);
            Assert.True(context.Document.IsValid, dockerfile);
            foreach (var rewrite in DockerfileRewriter.CreateDefaultRewrites())
            {
                // Act
                var result = rewrite.Apply(context);
                if (result is null)
                {
                    continue;
                }

                // Assert
                applied[rewrite.Id] = applied.GetValueOrDefault(rewrite.Id) + 1;
                nodeSplits += result.Text.Contains("RUN npm prune --omit=dev", StringComparison.Ordinal) ? 1 : 0;
                var output = DockerfileParser.Parse(result.Text);
                Assert.True(output.IsValid, $"{rewrite.Id} broke:\n{dockerfile}\n---\n{result.Text}\n{string.Join("; ", output.Errors)}");
                Assert.Null(rewrite.Apply(new DockerfileRewriteContext(result.Text, options with { DockerIgnore = result.DockerIgnore ?? options.DockerIgnore }))?.Text);
                AssertKeepsUnclaimedLines(dockerfile, result, rewrite.Id);
            }
        }

        Assert.All(DockerfileRewriter.CreateDefaultRewrites(), r => Assert.True(applied.GetValueOrDefault(r.Id) > 20, $"{r.Id} applied {applied.GetValueOrDefault(r.Id)} times"));
        Assert.True(nodeSplits > 20, $"the Node split applied {nodeSplits} times");
    }

    [Fact]
    public void Suggest_GeneratedDockerfiles_OutputParsesAndIsIdempotent()
    {
        // Arrange
        var random = new Random(1414);
        var rewriter = new DockerfileRewriter();
        var options = new DockerfileRewriteOptions { AvailableImages = Bases.SelectMany(SmallerBaseRewrite.SlimVariants).ToHashSet(), ContextFiles = ContextFiles };

        for (var iteration = 0; iteration < 800; iteration++)
        {
            var dockerfile = Generate(random);

            // Act
            var suggestion = rewriter.Suggest(dockerfile, options);
            var again = rewriter.Suggest(suggestion.Text, options with { DockerIgnore = suggestion.DockerIgnore ?? options.DockerIgnore });

            // Assert
            Assert.True(DockerfileParser.Parse(suggestion.Text).IsValid, suggestion.Text);
            Assert.False(again.HasChanges, $"{dockerfile}\n---\n{suggestion.Text}\n--- then: {string.Join(", ", again.Transformations.Select(t => t.Id))}");
        }
    }

    private static string Generate(Random random)
    {
        var newline = random.Next(5) == 0 ? "\r\n" : "\n";
        var lines = new List<string>();
        if (random.Next(4) == 0)
        {
            lines.Add("# syntax=docker/dockerfile:1");
        }

        var stages = random.Next(4) == 0 ? 2 : 1;
        var runtime = stages == 2 && random.Next(2) == 0;
        for (var stage = 0; stage < stages; stage++)
        {
            lines.Add($"FROM {Bases[random.Next(Bases.Length)]}" + (stage == 0 && stages > 1 ? " AS build" : ""));
            var runtimeStage = runtime && stage == 1;
            if (runtimeStage)
            {
                lines.Add(RuntimeLines[random.Next(2)]);
            }

            var node = !runtimeStage && random.Next(3) == 0;
            if (node)
            {
                lines.Add(random.Next(4) == 0 ? "WORKDIR /home/node/app" : "WORKDIR /app");
            }

            var count = runtimeStage ? random.Next(4) : random.Next(1, 9);
            for (var i = 0; i < count; i++)
            {
                lines.Add(runtimeStage ? RuntimeLines[random.Next(RuntimeLines.Length)] : node ? NodeLines[random.Next(NodeLines.Length)] : Lines[random.Next(Lines.Length)]);
            }

            if (runtime)
            {
                lines.Add(stage == 0 ? BuilderLines[random.Next(BuilderLines.Length)] : RuntimeLines[random.Next(2, 4)]);
            }
        }

        var text = string.Join(newline, lines).Replace("\n", newline, StringComparison.Ordinal).Replace("\r\r\n", "\r\n", StringComparison.Ordinal);
        return random.Next(3) == 0 ? text : text + newline;
    }

    private static void AssertKeepsUnclaimedLines(string source, DockerfileRewriteResult result, string id)
    {
        var before = new DockerfileLines(source);
        var after = new DockerfileLines(result.Text);
        var next = 1;
        for (var line = 1; line <= before.Count; line++)
        {
            if (result.ChangedLines.Contains(line))
            {
                continue;
            }

            var expected = before[line] + before.Ending(line);
            while (next <= after.Count && after[next] + after.Ending(next) != expected)
            {
                next++;
            }

            Assert.True(next <= after.Count, $"{id} lost line {line} ({expected.TrimEnd()}):\n{source}\n---\n{result.Text}");
            next++;
        }
    }
}
