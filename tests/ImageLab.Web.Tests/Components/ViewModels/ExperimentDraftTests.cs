using System.Text;
using ImageLab.Core.Builds;
using ImageLab.Web.Intake;
using ImageLab.Web.ViewModels;

namespace ImageLab.Web.Tests.Components.ViewModels;

public class ExperimentDraftTests
{
    private const long Max = 10 * 1024 * 1024;

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task AddFileAsync_Dockerfiles_BecomeIterationsInNaturalOrder()
    {
        using var draft = new ExperimentDraft();

        await draft.AddFileAsync("Dockerfile.v10", Text("FROM b"), Max, default);
        await draft.AddFileAsync("app/main.py", Text("print(1)"), Max, default);
        await draft.AddFileAsync("Dockerfile.v2", Text("FROM a"), Max, default);

        Assert.Equal(["v2", "v10"], draft.Iterations.Select(i => i.Name));
        Assert.Equal("FROM a", draft.Iterations[0].Text);
        Assert.Equal("app/main.py", Assert.Single(draft.Files).Path);
    }

    [Fact]
    public void Validate_EmptyDraft_SaysWhatIsMissingInWords()
    {
        using var draft = new ExperimentDraft();

        var problems = draft.Validate(Max).Select(p => p.Message).ToList();

        Assert.Contains(problems, p => p.StartsWith("Choose a project", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Add at least one Dockerfile", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadIterations_NamesEachProblem()
    {
        using var draft = new ExperimentDraft { Project = "api" };
        draft.AddIteration("slim", "FROM python:3.12-slim");
        draft.AddIteration("slim", "FROM python:3.12-slim");
        draft.AddIteration("no from", "RUN echo hi");
        draft.AddIteration("empty", "  ");
        draft.BuildArgs.Add(new BuildArgDraft { Name = "1BAD", Value = "x" });

        var problems = draft.Validate(Max).Select(p => p.Message).ToList();

        Assert.Contains("Two iterations are called 'slim': give each its own name.", problems);
        Assert.Contains(problems, p => p.Contains("a name uses letters, digits", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'no from'", StringComparison.Ordinal));
        Assert.Contains("'empty' is empty: a Dockerfile needs at least a FROM instruction.", problems);
        Assert.Contains(problems, p => p.Contains("a build argument's name uses letters", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TextOrNameChangedAfterACheck_SaysWhatTheNewOnesDeserve()
    {
        // Arrange
        using var draft = new ExperimentDraft { Project = "api" };
        var iteration = draft.AddIteration("slim", "RUN echo hi");
        var before = draft.Validate(Max).Select(p => p.Message).ToList();

        // Act
        iteration.Name = "fixed";
        var renamed = draft.Validate(Max).Select(p => p.Message).ToList();
        iteration.Text = "FROM busybox";
        var mended = draft.Validate(Max).Select(p => p.Message).ToList();

        // Assert
        Assert.Contains(before, p => p.StartsWith("'slim', line 1:", StringComparison.Ordinal));
        Assert.Contains(renamed, p => p.StartsWith("'fixed', line 1:", StringComparison.Ordinal));
        Assert.Empty(mended);
    }

    [Fact]
    public void Validate_PastedHostileDockerfiles_RefusedWithTheLimitSentences()
    {
        // Arrange: the form's editor takes any text; issue 13's FROM nested 170,000 deep and one over 1 MB.
        using var draft = new ExperimentDraft { Project = "api" };
        draft.AddIteration("nested", "FROM " + string.Concat(Enumerable.Repeat("${U:-", 170_000)) + "alpine" + new string('}', 170_000) + "\n");
        draft.AddIteration("huge", "FROM alpine\nRUN echo " + new string('a', 1024 * 1024) + "\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var problems = draft.Validate(Max).Select(p => p.Message).ToList();

        // Assert (a generous bound; the parser refuses both before reading them)
        clock.Stop();
        Assert.Contains("'nested', line 1: The Dockerfile nests variable substitutions (${A:-${B:-...}}) more than 32 deep on line 1; flatten them into separate ARG instructions.", problems);
        Assert.Contains("'huge', line 1: The Dockerfile is larger than 1 MB; a Dockerfile is a few kilobytes.", problems);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Validating took {clock.Elapsed}.");
    }

    [Fact]
    public void Validate_OverTheLimit_SaysBySizes()
    {
        using var draft = new ExperimentDraft { Project = "api" };
        draft.AddIteration("big", "FROM scratch\n" + new string('#', 2_000));

        Assert.Contains(draft.Validate(1_000), p => p.Message.StartsWith("The context is 2.01 kB, over the limit of 1 kB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToRequest_EditedDraft_HandsOverItsFilesAndTheDockerfilesInOrder()
    {
        // Arrange
        using var draft = new ExperimentDraft { Project = " api ", Name = "  try  ", Builder = BuilderKind.Classic };
        await draft.AddFileAsync("src/main.py", Text("print(1)"), Max, default);
        var second = draft.AddIteration("second", "FROM b");
        draft.AddIteration("first", "FROM a");
        draft.Move(second, 1);
        draft.BuildArgs.Add(new BuildArgDraft { Name = "VERSION", Value = "3" });

        // Act
        var request = draft.ToRequest();
        request.Upload.Dispose();

        // Assert: the draft's own file at its context path, not a copy, and still there for a second attempt
        Assert.Equal(["Dockerfile.first", "Dockerfile.second"], request.Dockerfiles);
        Assert.Equal(("api", "try", "anonymous", BuilderKind.Classic), (request.Project, request.Name, request.SubmittedBy, request.Builder));
        Assert.Equal("3", request.BuildArgs["VERSION"]);
        Assert.Equal(1, request.Upload.FileCount);
        Assert.Equal(Path.GetFullPath(Path.Combine(request.Upload.FilesFolder, "src/main.py")), Assert.Single(draft.Files).StoredAt);
        Assert.Equal("print(1)", await File.ReadAllTextAsync(Assert.Single(draft.Files).StoredAt));
        Assert.Equal(new Dictionary<string, string> { ["Dockerfile.first"] = "FROM a", ["Dockerfile.second"] = "FROM b" }, request.DockerfileOverrides);
    }
}
