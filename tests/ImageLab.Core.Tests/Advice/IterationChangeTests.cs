using ImageLab.Core.Advice;
using ImageLab.Core.Tests.Dockerfiles;
using static ImageLab.Core.Tests.Advice.Layers;

namespace ImageLab.Core.Tests.Advice;

public sealed class IterationChangeTests
{
    private const string Before = "FROM python:3.12\nWORKDIR /app\nRUN pip install flask\nCOPY . .\nCMD [\"python\", \"app.py\"]\n";
    private const string After = "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir \\\n    flask\nCOPY . .\nUSER 10001\nCMD [\"python\", \"app.py\"]\n";

    [Fact]
    public void Compare_TwoDockerfiles_AlignsInstructionsAndMeasuresEachSide()
    {
        // Arrange
        var layersBefore = Of(Base(900 * MB), Own(2, 0), Own(3, 60 * MB), Own(4, 10_000), Own(5, 0));
        var layersAfter = Of(Base(120 * MB), Own(2, 0), Own(3, 40 * MB), Own(5, 10_000), Own(6, 0), Own(7, 0));

        // Act
        var change = IterationChange.Compare(Before, layersBefore, After, layersAfter);

        // Assert
        Assert.Equal(
            ["Changed FROM", "Unchanged WORKDIR", "Changed RUN", "Unchanged COPY", "Added USER", "Unchanged CMD"],
            change.Instructions.Select(r => $"{r.Kind} {(r.After ?? r.Before)!.Keyword}"));
        var from = change.Instructions[0];
        Assert.Equal((900 * MB, 120 * MB, -780 * MB), (from.SizeBeforeBytes, from.SizeAfterBytes, from.DeltaBytes));
        var run = change.Instructions[2];
        Assert.Equal((3, 3, -20 * MB), (run.Before!.StartLine, run.After!.StartLine, run.DeltaBytes));
        Assert.Equal(0, change.Instructions[4].DeltaBytes);
        Assert.Equal(-800 * MB, change.DeltaBytes);
    }

    [Fact]
    public void Compare_WhitespaceAndContinuationsOnly_IsUnchanged()
    {
        // Act
        var change = IterationChange.Compare("FROM alpine:3.20\nRUN apk add --no-cache curl   git\n", [], "from alpine:3.20\nRUN apk add \\\n    --no-cache curl git\n", []);

        // Assert
        Assert.All(change.Instructions, r => Assert.Equal(ChangeKind.Unchanged, r.Kind));
        Assert.Empty(change.Changes);
        Assert.Null(change.DeltaBytes);
    }

    [Fact]
    public void Compare_RemovedInstruction_HasNegativeDelta()
    {
        // Act
        var change = IterationChange.Compare(
            "FROM alpine:3.20\nRUN apk add --no-cache gcc\nCOPY app /app\n", Of(Base(8 * MB), Own(2, 100 * MB), Own(3, MB)),
            "FROM alpine:3.20\nCOPY app /app\n", Of(Base(8 * MB), Own(2, MB)));

        // Assert
        var removed = Assert.Single(change.Changes);
        Assert.Equal(ChangeKind.Removed, removed.Kind);
        Assert.Null(removed.After);
        Assert.Equal(-100 * MB, removed.DeltaBytes);
    }

    [Fact]
    public void Compare_SlimToMultistage_BuilderInstructionsHaveNoLayerSize()
    {
        // Arrange: only the final stage (lines 10-17) of lesson-3 makes layers
        var slim = Of(Base(150 * MB), Own(4, 0), Own(5, 200 * MB), Own(7, 100), Own(8, 60 * MB), Own(9, 3_000), Own(10, 0), Own(11, 0));
        var multistage = Of(Base(150 * MB), Own(11, 0), Own(12, 45 * MB), Own(13, 0), Own(15, 3_000), Own(16, 0), Own(17, 0));

        // Act
        var change = IterationChange.Compare(Corpus.Read("lesson-2-slim.Dockerfile"), slim, Corpus.Read("lesson-3-multistage.Dockerfile"), multistage);

        // Assert
        var builderRun = Assert.Single(change.Instructions, r => r.After?.StartLine == 8);
        Assert.Null(builderRun.SizeAfterBytes);
        var copyFrom = Assert.Single(change.Instructions, r => r.After?.StartLine == 12);
        Assert.Equal(45 * MB, copyFrom.SizeAfterBytes);
        Assert.Equal(200 * MB + 60 * MB + 100 + 3_000 + 150 * MB, slim.Sum(l => l.SizeBytes));
        Assert.Equal(-(200 * MB + 60 * MB + 100) + 45 * MB, change.DeltaBytes);
    }
}
