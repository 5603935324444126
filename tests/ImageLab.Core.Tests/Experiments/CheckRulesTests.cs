using ImageLab.Core.Experiments;

namespace ImageLab.Core.Tests.Experiments;

/// <summary><see cref="SubmissionRules.CheckProblem"/>: a check command is hostile input, bounded in words and length.</summary>
public sealed class CheckRulesTests
{
    [Fact]
    public void CheckProblem_ReasonableCommand_None()
    {
        // Act
        var problem = SubmissionRules.CheckProblem(new CheckCommand(["python3", "-c", "import app\nprint('ok')"], "ok"));

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void CheckProblem_TooManyWords_SaysTheLimit()
    {
        // Arrange
        var words = Enumerable.Repeat("x", SubmissionRules.MaxCheckWords + 1).ToList();

        // Act
        var problem = SubmissionRules.CheckProblem(new CheckCommand(words, null));

        // Assert
        Assert.Equal($"A check command has {SubmissionRules.MaxCheckWords + 1} words; at most {SubmissionRules.MaxCheckWords} are allowed.", problem);
    }

    [Fact]
    public void CheckProblem_TooLong_SaysTheLimit()
    {
        // Arrange
        var check = new CheckCommand(["sh", "-c", new string('a', SubmissionRules.MaxCheckCommandLength)], null);

        // Act
        var problem = SubmissionRules.CheckProblem(check);

        // Assert
        Assert.Equal($"A check command is {SubmissionRules.MaxCheckCommandLength + 4} characters long; at most {SubmissionRules.MaxCheckCommandLength} are allowed.", problem);
    }

    [Fact]
    public void CheckProblem_ExpectTooLong_SaysTheLimit()
    {
        // Act
        var problem = SubmissionRules.CheckProblem(new CheckCommand(["true"], new string('a', SubmissionRules.MaxCheckExpectLength + 1)));

        // Assert
        Assert.StartsWith($"A check's expected text is {SubmissionRules.MaxCheckExpectLength + 1} characters long", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void CheckProblem_NoProgram_AsksForOne(string program)
    {
        // Act
        var problem = SubmissionRules.CheckProblem(new CheckCommand([program], null));

        // Assert
        Assert.StartsWith("A check needs a command", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0000b", null)]
    [InlineData("ok", "\u001b[31m")]
    public void CheckProblem_ControlCharacters_Refused(string word, string? expect)
    {
        // Act
        var problem = SubmissionRules.CheckProblem(new CheckCommand(["sh", word], expect));

        // Assert
        Assert.StartsWith("A check's command and expected text cannot hold control characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_SubmissionWithABadCheck_ListsIt()
    {
        // Arrange
        var submission = new ExperimentSubmission
        {
            Name = "n",
            Project = "p",
            SubmittedBy = "u",
            Check = new CheckCommand([], null),
            Iterations = [new IterationSubmission("one", "Dockerfile", "FROM busybox\n")],
        };

        // Act
        var problems = SubmissionRules.Problems(submission).ToList();

        // Assert
        Assert.Single(problems, p => p.StartsWith("A check needs a command", StringComparison.Ordinal));
    }
}
