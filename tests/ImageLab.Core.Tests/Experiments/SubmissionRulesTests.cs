using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

public sealed class SubmissionRulesTests
{
    private const string Dockerfile = "FROM busybox\nRUN echo hi\n";

    [Theory]
    [InlineData("fastapi-service")]
    [InlineData("team.api_v2")]
    public void ProjectProblem_ValidName_None(string project) => Assert.Null(SubmissionRules.ProjectProblem(project));

    [Theory]
    [InlineData(null, "Choose a project")]
    [InlineData("  ", "Choose a project")]
    [InlineData("my project", "'my project' cannot be used")]
    [InlineData("-leading-dash", "starts with a letter or digit")]
    public void ProjectProblem_InvalidName_Sentence(string? project, string mentions)
    {
        var problem = SubmissionRules.ProjectProblem(project);

        Assert.NotNull(problem);
        Assert.Contains(mentions, problem, StringComparison.Ordinal);
        Assert.EndsWith(".", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectProblem_NameAtTheLengthLimit_NoneAndOneMoreRefused()
    {
        var longest = new string('p', SubmissionRules.MaxProjectOrIterationNameLength);

        Assert.Null(SubmissionRules.ProjectProblem(longest));
        Assert.Null(SubmissionRules.IterationNameProblem(longest, "Iteration 1"));
        Assert.NotNull(SubmissionRules.ProjectProblem(longest + "p"));
        Assert.NotNull(SubmissionRules.IterationNameProblem(longest + "p", "Iteration 1"));
    }

    [Fact]
    public void DockerfilePathProblem_PathOverTheLimit_SentenceWithBothLengths()
    {
        var path = "d/" + new string('x', SubmissionRules.MaxDockerfilePathLength) + "/Dockerfile";

        Assert.Null(SubmissionRules.DockerfilePathProblem(new string('x', SubmissionRules.MaxDockerfilePathLength)));
        Assert.Equal("A Dockerfile path is 1013 characters long; at most 1000 are allowed.", SubmissionRules.DockerfilePathProblem(path));
    }

    [Fact]
    public void Problems_ValidSubmission_Empty()
    {
        var submission = Submission([new IterationSubmission("slim", "Dockerfile.slim", Dockerfile)], new Dictionary<string, string> { ["PY_VERSION"] = "3.12" });

        Assert.Empty(SubmissionRules.Problems(submission));
    }

    [Fact]
    public void Problems_EveryKindOfMistake_OneSentenceEach()
    {
        // Arrange
        var submission = Submission(
            [
                new IterationSubmission("slim", "Dockerfile.slim", Dockerfile),
                new IterationSubmission("slim", "Dockerfile.slim", Dockerfile),
                new IterationSubmission("my app", "Dockerfile.my app", Dockerfile),
                new IterationSubmission("nofrom", "Dockerfile.nofrom", "ARG VERSION=1\n"),
                new IterationSubmission("blank", "Dockerfile.blank", " "),
            ],
            new Dictionary<string, string> { ["1BAD"] = "x" },
            name: new string('n', SubmissionRules.MaxNameLength + 1));

        // Act
        var problems = SubmissionRules.Problems(submission).ToList();

        // Assert
        Assert.Equal(
            [
                "Keep the experiment's name under 200 characters.",
                "The build argument name '1BAD' cannot be used: a build argument's name uses letters, digits and '_' and does not start with a digit.",
                "Two iterations are called 'slim': give each its own name.",
                "Iteration 3: the name 'my app' cannot be used: a name uses letters, digits, '.', '-' and '_' only (at most 100), because it becomes the file name Dockerfile.<name>.",
                "'nofrom', line 1: The Dockerfile has no FROM instruction, so it defines no build stage.",
                "'blank' is empty: a Dockerfile needs at least a FROM instruction.",
            ],
            problems);
    }

    private static ExperimentSubmission Submission(IReadOnlyList<IterationSubmission> iterations, Dictionary<string, string> buildArgs, string name = "lesson") => new()
    {
        Name = name,
        Project = "api",
        SubmittedBy = "tester",
        BuildArgs = buildArgs,
        Iterations = iterations,
    };
}
