using ImageLab.Core.Advice;
using ImageLab.Core.Layers;
using ImageLab.Core.Tests.Dockerfiles;
using static ImageLab.Core.Tests.Advice.Layers;

namespace ImageLab.Core.Tests.Advice;

public sealed class LessonScorecardTests
{
    private const string P = "Pass";
    private const string F = "Fail";
    private const string NA = "NotApplicable";

    // Columns in LessonQuestion order: stages, copies only what it needs, no-cache, small base, combined/cleaned, large files, toolchain.
    public static TheoryData<string, string[]> Ladder => new()
    {
        { "lesson-1-naive.Dockerfile", [F, NA, F, F, F, P, F] },
        { "lesson-2-slim.Dockerfile", [F, NA, F, P, F, P, F] },
        { "lesson-3-multistage.Dockerfile", [P, P, P, P, P, P, P] },
        { "lesson-4-alpine-uv.Dockerfile", [P, P, P, P, P, P, P] },
        { "lesson-5-cleaned.Dockerfile", [P, P, P, P, P, P, P] },
    };

    [Theory]
    [MemberData(nameof(Ladder))]
    public void Evaluate_LessonIteration_AnswersEachQuestion(string name, string[] expected)
    {
        // Act
        var scorecard = LessonScorecard.Evaluate(Corpus.Read(name));

        // Assert
        Assert.Equal(LessonQuestions.All, scorecard.Answers.Select(a => a.Question));
        Assert.Equal(expected, scorecard.Answers.Select(a => a.Outcome.ToString()));
        Assert.All(scorecard.Answers, a => Assert.EndsWith(".", a.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_AlpineUv_PassesNoCacheButNamesTheBuilderPip()
    {
        // Act
        var answer = LessonScorecard.Evaluate(Corpus.Read("lesson-4-alpine-uv.Dockerfile")).AnswerTo(LessonQuestion.NoCacheOptions);

        // Assert
        Assert.Equal(ScoreOutcome.Pass, answer.Outcome);
        Assert.Contains("Line 4", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaiveBuilt_FailuresCarryMeasuredBytes()
    {
        // Arrange
        IReadOnlyList<LayerWaste> waste = [new(7, WastePatternIds.PipCache, 148 * MB)];

        // Act
        var scorecard = LessonScorecard.Evaluate(Corpus.Read("lesson-1-naive.Dockerfile"), Naive(), waste);

        // Assert
        Assert.Equal(148 * MB, scorecard.AnswerTo(LessonQuestion.NoCacheOptions).BytesAtStake);
        Assert.Equal(1_000 * MB, scorecard.AnswerTo(LessonQuestion.SmallFinalBase).BytesAtStake);
        Assert.Equal(250 * MB, scorecard.AnswerTo(LessonQuestion.NoBuildToolchain).BytesAtStake);
        // DL3009 and DL3059 both sit on line 5/6: each line's layer counts once (50 MB + 250 MB).
        Assert.Equal(300 * MB, scorecard.AnswerTo(LessonQuestion.CombinedRunsCleanCaches).BytesAtStake);
    }

    [Fact]
    public void Evaluate_CopiesWholeBuilderFilesystem_FailsWithTheCopyLayer()
    {
        // Arrange
        const string dockerfile = "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build / /\n";

        // Act
        var answer = LessonScorecard.Evaluate(dockerfile, Of(Base(8 * MB), Own(4, 900 * MB))).AnswerTo(LessonQuestion.CopiesOnlyWhatItNeeds);

        // Assert
        Assert.Equal(ScoreOutcome.Fail, answer.Outcome);
        Assert.Equal(4, answer.Line);
        Assert.Equal(900 * MB, answer.BytesAtStake);
    }

    [Fact]
    public void Evaluate_FinalStageFromBuilder_FailsCopiesOnlyWhatItNeeds()
    {
        // Act
        var answer = LessonScorecard.Evaluate("FROM python:3.12-slim AS build\nRUN pip install --no-cache-dir flask\nFROM build\nCOPY app.py .\n")
            .AnswerTo(LessonQuestion.CopiesOnlyWhatItNeeds);

        // Assert
        Assert.Equal(ScoreOutcome.Fail, answer.Outcome);
        Assert.Contains("FROM 'build'", answer.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM gcr.io/distroless/python3-debian12", ScoreOutcome.Pass)]
    [InlineData("FROM scratch", ScoreOutcome.Pass)]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled", ScoreOutcome.Pass)]
    [InlineData("FROM node:22-alpine", ScoreOutcome.Pass)]
    [InlineData("FROM ubuntu:24.04", ScoreOutcome.Fail)]
    [InlineData("FROM node:22", ScoreOutcome.Fail)]
    [InlineData("ARG BASE\nFROM $BASE", ScoreOutcome.NotApplicable)]
    public void Evaluate_FinalBase_IsSmallOnlyForSmallVariants(string from, ScoreOutcome expected)
    {
        // Act
        var answer = LessonScorecard.Evaluate(from + "\nCOPY app /app\n").AnswerTo(LessonQuestion.SmallFinalBase);

        // Assert
        Assert.Equal(expected, answer.Outcome);
    }

    [Fact]
    public void Evaluate_LargeCopyMeasured_FailsLargeFilesMounted()
    {
        // Arrange
        const string dockerfile = "FROM python:3.12-slim\nCOPY models/ /app/models/\nCOPY main.py .\n";

        // Act
        var answer = LessonScorecard.Evaluate(dockerfile, Of(Base(120 * MB), Own(2, 4_200 * MB), Own(3, 2_000))).AnswerTo(LessonQuestion.LargeFilesMounted);

        // Assert
        Assert.Equal(ScoreOutcome.Fail, answer.Outcome);
        Assert.Equal(2, answer.Line);
        Assert.Equal(4_200 * MB, answer.BytesAtStake);
    }

    [Fact]
    public void Evaluate_MeasuredPipCacheWithoutFinding_FailsNoCache()
    {
        // Arrange: PIP_NO_CACHE_DIR silences DL3042, yet the analysis still finds a cache in the RUN's layer
        const string dockerfile = "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n";
        IReadOnlyList<LayerWaste> waste = [new(2, WastePatternIds.PipCache, 9 * MB)];

        // Act
        var answer = LessonScorecard.Evaluate(dockerfile, Of(Base(120 * MB), Own(2, 0), Own(3, 30 * MB)), waste).AnswerTo(LessonQuestion.NoCacheOptions);

        // Assert
        Assert.Equal(ScoreOutcome.Fail, answer.Outcome);
        Assert.Equal(9 * MB, answer.BytesAtStake);
        Assert.Equal(3, answer.Line);
    }

    [Fact]
    public void Evaluate_FullLanguageBaseWithoutInstalls_FailsNoToolchain()
    {
        // Act
        var answer = LessonScorecard.Evaluate("FROM python:3.12\nCOPY main.py .\n").AnswerTo(LessonQuestion.NoBuildToolchain);

        // Assert
        Assert.Equal(ScoreOutcome.Fail, answer.Outcome);
        Assert.Contains("python:3.12", answer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoFrom_EveryQuestionIsNotApplicable()
    {
        // Act
        var scorecard = LessonScorecard.Evaluate("RUN echo hi\n");

        // Assert
        Assert.All(scorecard.Answers, a => Assert.Equal(ScoreOutcome.NotApplicable, a.Outcome));
    }
}
