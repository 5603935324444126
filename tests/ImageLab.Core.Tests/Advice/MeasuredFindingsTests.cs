using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Layers;
using ImageLab.Core.Tests.Dockerfiles;
using static ImageLab.Core.Tests.Advice.Layers;

namespace ImageLab.Core.Tests.Advice;

public sealed class MeasuredFindingsTests
{
    public static TheoryData<string, int, long> NaiveLayerBytes => new()
    {
        { "IL002", 2, 1_000 * MB },   // FROM: the base image's layers
        { "DL3009", 5, 50 * MB },     // apt-get update on its own
        { "DL3015", 6, 250 * MB },
        { "IL001", 6, 250 * MB },
        { "DL3042", 8, 120 * MB },
    };

    [Theory]
    [MemberData(nameof(NaiveLayerBytes))]
    public void Analyze_NaiveWithoutAnalysis_BytesAtStakeIsTheInstructionsLayers(string ruleId, int line, long expected)
    {
        // Act
        var findings = MeasuredFindings.Analyze(Corpus.Read("lesson-1-naive.Dockerfile"), Naive()).Findings;

        // Assert
        var finding = Assert.Single(findings, f => f.RuleId == ruleId && f.Line == line);
        Assert.Equal(expected, finding.BytesAtStake);
        Assert.Contains("Measured:", finding.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string, int, long, string> NaiveWasteBytes => new()
    {
        { "DL3042", 8, WastePatternIds.PipCache, 7, 148 * MB, "pip cache: 148 MB in layer 7" },
        { "IL001", 6, WastePatternIds.BuildToolchain, 5, 180 * MB, "build toolchain: 180 MB in layer 5" },
        { "DL3009", 5, WastePatternIds.AptLists, 4, 45 * MB, "apt lists: 45 MB in layer 4" },
    };

    [Theory]
    [MemberData(nameof(NaiveWasteBytes))]
    public void Analyze_WithMeasuredWaste_BytesAtStakeIsTheMeasuredPattern(string ruleId, int line, string pattern, int layer, long bytes, string sentence)
    {
        // Arrange
        IReadOnlyList<LayerWaste> waste = [new(layer, pattern, bytes), new(layer, WastePatternIds.PythonBytecode, 3 * MB)];

        // Act
        var findings = MeasuredFindings.Analyze(Corpus.Read("lesson-1-naive.Dockerfile"), Naive(), waste).Findings;

        // Assert
        var finding = Assert.Single(findings, f => f.RuleId == ruleId && f.Line == line);
        Assert.Equal(bytes, finding.BytesAtStake);
        Assert.Contains(sentence, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WasteInAnotherLayer_FallsBackToTheLayerSize()
    {
        // Arrange: the pip cache is measured in layer 5, not in the pip RUN's layer 7
        IReadOnlyList<LayerWaste> waste = [new(5, WastePatternIds.PipCache, 10 * MB)];

        // Act
        var finding = MeasuredFindings.Analyze(Corpus.Read("lesson-1-naive.Dockerfile"), Naive(), waste).Findings.Single(f => f.RuleId == "DL3042");

        // Assert
        Assert.Equal(120 * MB, finding.BytesAtStake);
    }

    [Fact]
    public void Analyze_NotBuilt_LeavesFindingsUnmeasured()
    {
        // Act
        var findings = MeasuredFindings.Analyze(Corpus.Read("lesson-1-naive.Dockerfile"), []).Findings;

        // Assert
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Null(f.BytesAtStake));
    }

    [Fact]
    public void Analyze_FindingInBuilderStage_HasNoBytesAtStake()
    {
        // Arrange: lesson-4's builder pip RUN (line 4) leaves no layer in the image
        var layers = Of(Base(8 * MB), Own(10, 0), Own(11, 40 * MB), Own(12, 5 * MB), Own(13, 0), Own(14, 1_000), Own(15, 0), Own(16, 0));

        // Act
        var finding = Assert.Single(MeasuredFindings.Analyze(Corpus.Read("lesson-4-alpine-uv.Dockerfile"), layers).Findings);

        // Assert
        Assert.Equal("DL3042", finding.RuleId);
        Assert.Null(finding.BytesAtStake);
    }

    [Fact]
    public void Analyze_CacheRemovedInLaterLayer_MeasuresTheLayerThatMadeIt()
    {
        // Arrange
        const string dockerfile = "FROM python:3.12-slim\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n";
        var layers = Of(Base(100 * MB), Own(2, 30 * MB), Own(3, 0));
        IReadOnlyList<LayerWaste> waste = [new(1, WastePatternIds.PipCache, 12 * MB)];

        // Act
        var findings = MeasuredFindings.Analyze(dockerfile, layers, waste).Findings;

        // Assert
        var later = Assert.Single(findings, f => f.RuleId == "IL006");
        Assert.Equal(3, later.Line);
        Assert.Equal(12 * MB, later.BytesAtStake);
        Assert.Contains("pip cache: 12 MB in layer 1", later.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UnpinnedBase_IsNotAboutBytes()
    {
        // Arrange
        var layers = Of(Base(100 * MB), Own(2, 0));

        // Act
        var finding = Assert.Single(MeasuredFindings.Analyze("FROM python\nCMD [\"python\"]\n", layers).Findings, f => f.RuleId == "IL010");

        // Assert
        Assert.Null(finding.BytesAtStake);
    }

    [Theory]
    [InlineData(4, "RUN")]
    [InlineData(5, "RUN")]
    [InlineData(6, "RUN")]
    [InlineData(7, "COPY")]
    [InlineData(9, null)]
    public void InstructionAt_LineInsideContinuation_FindsTheInstruction(int line, string? keyword)
    {
        // Arrange
        var map = new InstructionLayers(DockerfileParser.Parse(Corpus.Read("lesson-3-multistage.Dockerfile")), []);

        // Act
        var instruction = map.InstructionAt(line);

        // Assert
        Assert.Equal(keyword, instruction?.Keyword);
    }

    [Fact]
    public void SizeOf_FinalStageFromBuilder_OwnsBaseLayersThroughTheChain()
    {
        // Arrange: the final stage starts FROM the first stage, whose FROM brings the base layers
        const string dockerfile = "FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nCOPY app /app\n";
        var document = DockerfileParser.Parse(dockerfile);
        var map = new InstructionLayers(document, Of(Base(8 * MB), Own(2, 3 * MB), Own(4, 1 * MB)));

        // Act
        var sizes = document.Instructions.Select(map.SizeOf).ToList();

        // Assert
        Assert.Equal([8 * MB, 3 * MB, null, 1 * MB], sizes);
    }
}
