using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Tests.Dockerfiles;

/// <summary>The lesson's ladder of five iterations: each step should clear the advice the previous one earned.</summary>
public sealed class LessonIterationTests
{
    private static readonly DockerfileAdvisorOptions ContextWithoutDockerignore = new()
    {
        ContextFiles =
        [
            new DockerfileContextFile("api.py", 1_200),
            new DockerfileContextFile("requirements.txt", 60),
            new DockerfileContextFile(".git/config", 300),
        ],
    };

    public static TheoryData<string, string[]> Expected => new()
    {
        { "lesson-1-naive.Dockerfile", ["IL002@2", "DL3009@5", "DL3009@6", "DL3015@6", "DL3059@6", "IL001@6", "IL004@7", "DL3042@8"] },
        { "lesson-2-slim.Dockerfile", ["DL3009@5", "DL3015@5", "IL001@5", "DL3042@8"] },
        { "lesson-3-multistage.Dockerfile", [] },
        { "lesson-4-alpine-uv.Dockerfile", ["DL3042@4"] },
        { "lesson-5-cleaned.Dockerfile", [] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Analyze_LessonIteration_GivesExpectedFindings(string name, string[] expected)
    {
        // Arrange
        var dockerfile = Corpus.Read(name);

        // Act
        var findings = dockerfile.Advise(ContextWithoutDockerignore);

        // Assert
        Assert.Equal(expected, findings.Ids());
    }

    [Fact]
    public void Analyze_Ladder_FindingsShrinkFromNaiveToCleaned()
    {
        // Arrange
        var names = new[] { "lesson-1-naive.Dockerfile", "lesson-2-slim.Dockerfile", "lesson-3-multistage.Dockerfile", "lesson-5-cleaned.Dockerfile" };

        // Act
        var warnings = names.Select(n => Corpus.Read(n).Advise(ContextWithoutDockerignore).Count(f => f.Severity >= FindingSeverity.Warning)).ToList();

        // Assert
        Assert.Equal(warnings.OrderDescending(), warnings);
        Assert.True(warnings[0] >= 6);
        Assert.Equal(0, warnings[^1]);
    }

    [Fact]
    public void Analyze_AlpineUvBuilderPip_IsInfoBecauseTheBuilderIsDiscarded()
    {
        // Act
        var finding = Assert.Single(Corpus.Read("lesson-4-alpine-uv.Dockerfile").Advise());

        // Assert
        Assert.Equal(FindingSeverity.Info, finding.Severity);
    }
}
