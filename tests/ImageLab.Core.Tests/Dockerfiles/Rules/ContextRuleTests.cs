using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Tests.Dockerfiles.Rules;

public sealed class ContextRuleTests
{
    private const long Megabyte = 1024 * 1024;

    private static DockerfileAdvisorOptions Context(params (string Path, long Size)[] files) =>
        new() { ContextFiles = files.Select(f => new DockerfileContextFile(f.Path, f.Size)).ToList() };

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY . .\n", 2)]
    [InlineData("FROM python:3.12-slim\nCOPY ./ /app/\n", 2)]
    [InlineData("FROM python:3.12-slim\nADD . /app\n", 2)]
    [InlineData("FROM python:3.12-slim\nCOPY [\".\", \"/app\"]\n", 2)]
    public void CopyContext_NoDockerignore_Fires(string dockerfile, int line)
    {
        // Arrange
        var options = Context(("app.py", 100), ("requirements.txt", 50));

        // Act
        var findings = RuleHarness.Run(new CopyContextWithoutDockerignoreRule(), dockerfile, options);

        // Assert
        Assert.Equal(line, Assert.Single(findings).Line);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY . .\n", true, true)]
    [InlineData("FROM python:3.12-slim\nCOPY . .\n", true, false)]
    [InlineData("FROM python:3.12-slim\nCOPY app.py .\n", true, false)]
    [InlineData("FROM python:3.12-slim AS a\nFROM python:3.12-slim\nCOPY --from=a . .\n", true, false)]
    public void CopyContext_DockerignoreOrUnknownContext_DoesNotFire(string dockerfile, bool hasDockerignore, bool contextUnknown)
    {
        // Arrange
        var options = contextUnknown
            ? new DockerfileAdvisorOptions()
            : hasDockerignore ? Context(("app.py", 100), (".dockerignore", 20)) : Context(("app.py", 100));

        // Act
        var findings = RuleHarness.Run(new CopyContextWithoutDockerignoreRule(), dockerfile, options);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void CopyContext_DockerfileSpecificIgnoreFile_DoesNotFire()
    {
        // Act
        var findings = RuleHarness.Run(new CopyContextWithoutDockerignoreRule(), "FROM alpine:3.20\nCOPY . .\n", Context(("Dockerfile.dockerignore", 10)));

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY models/ /app/models/\n")]
    [InlineData("FROM python:3.12-slim\nCOPY . .\n")]
    [InlineData("FROM python:3.12-slim\nCOPY ./models/*.safetensors /app/\n")]
    [InlineData("FROM python:3.12-slim\nCOPY models/llama.gguf /app/model.gguf\n")]
    public void LargeFile_CopiedFromContext_FiresAsWarningWithSize(string dockerfile)
    {
        // Arrange
        var options = Context(("main.py", 2000), ("models/llama.gguf", 4L * 1024 * Megabyte), ("models/llama.safetensors", 150 * Megabyte));

        // Act
        var finding = Assert.Single(RuleHarness.Run(new LargeContextFileCopiedRule(), dockerfile, options));

        // Assert
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(2, finding.Line);
        Assert.Contains("models/", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY model.bin /app/\n")]
    [InlineData("FROM python:3.12-slim\nCOPY weights/encoder.onnx /app/\n")]
    [InlineData("FROM python:3.12-slim\nCOPY models /app/models\n")]
    public void LargeFile_NamedLikeWeightsWithoutContext_FiresAsInfo(string dockerfile)
    {
        // Act
        var finding = Assert.Single(RuleHarness.Run(new LargeContextFileCopiedRule(), dockerfile));

        // Assert
        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nCOPY models/small.bin /app/\n")]
    [InlineData("FROM python:3.12-slim\nCOPY main.py /app/\n")]
    [InlineData("FROM python:3.12-slim AS build\nCOPY models/big.bin /tmp/\nFROM python:3.12-slim\n")]
    [InlineData("FROM python:3.12-slim AS build\nFROM python:3.12-slim\nCOPY --from=build /models/big.bin /app/\n")]
    public void LargeFile_SmallFileOrNotInFinalImage_DoesNotFire(string dockerfile)
    {
        // Arrange
        var options = Context(("main.py", 2000), ("models/small.bin", 2 * Megabyte), ("models/big.bin", 900 * Megabyte));

        // Act
        var findings = RuleHarness.Run(new LargeContextFileCopiedRule(), dockerfile, options);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void FinalStageRules_WithTarget_LookAtTheTargetStage()
    {
        // Arrange
        const string dockerfile = "FROM python:3.12 AS dev\nRUN apt-get install -y --no-install-recommends gcc\nFROM python:3.12-slim AS prod\nCOPY app.py .\n";

        // Act
        var forProd = RuleHarness.Run(new BuildToolsInFinalImageRule(), dockerfile);
        var forDev = RuleHarness.Run(new BuildToolsInFinalImageRule(), dockerfile, new DockerfileAdvisorOptions { Target = "dev" });
        var baseForDev = RuleHarness.Run(new FullBaseImageRule(), dockerfile, new DockerfileAdvisorOptions { Target = "dev" });

        // Assert
        Assert.Empty(forProd);
        Assert.Equal(2, Assert.Single(forDev).Line);
        Assert.Equal(1, Assert.Single(baseForDev).Line);
    }

    [Fact]
    public void CacheRules_InBuilderStage_AreInfoAndSaySo()
    {
        // Act
        var finding = Assert.Single(RuleHarness.Run(new PipNoCacheDirRule(), "FROM python:3.12-slim AS build\nRUN pip install x\nFROM python:3.12-slim\n"));

        // Assert
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Contains("not part of the final image", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrorRule_InvalidDockerfile_ReportsEveryErrorAsError()
    {
        // Arrange
        var document = DockerfileParser.Parse("FROM alpine\nBOGUS x\nENV A\n");

        // Act
        var findings = new ParseErrorRule().Evaluate(new DockerfileRuleContext(document)).ToList();

        // Assert
        Assert.Equal([2, 3], findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Error, f.Severity));
    }
}
