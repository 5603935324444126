using System.Net;
using System.Text.Json;
using ImageLab.Core.Contracts;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// A suggestion's check on the real engine: the project's or the submission's check command runs in containers of the
/// source and the suggested image (no network); passed, failed with the failing transformations named, or failed
/// because the source itself fails; no container and no ablation image is left behind. The Python naive build's
/// suggestion (a multi-stage split with a slim runtime base) is at most half its size, each saving proven by builds; a naive
/// C build's gets its program linked statically, alone on scratch.
/// </summary>
public sealed class SuggestionCheckApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    // Its own project: each test class has its own database, so experiment ids repeat between classes on the one engine.
    private const string Project = "suggestion-checks";

    [Fact]
    public async Task Suggest_PythonNaiveWithProjectCheck_SplitOnASlimBaseAtMostHalfTheSizeAndTheCheckRunsTheApp()
    {
        // Arrange: the check runs the app; it comes from the context's imagelab.json.
        var client = factory.CreateClient();
        using var context = PythonWheelContext.Create(
            """{ "check": { "command": ["python3", "app.py"], "expect": "Hello from greeter" } }""");
        var source = await BuildAsync(client, context, "check passes");

        // Act
        var (suggested, built) = await SuggestAndBuildAsync(client, source);

        // Assert: built and smaller.
        Assert.Equal("waiting", suggested.Check);
        Assert.Equal(SuggestionCheckStatus.Waiting, suggested.CheckResult!.Status);
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        Assert.Contains("COPY --from=builder /opt/venv /opt/venv", built.DockerfileText, StringComparison.Ordinal);
        var naiveBytes = await DockerCli.ImageSizeAsync(source.ImageId!);
        Assert.Equal(await DockerCli.ImageSizeAsync(built.ImageId!), built.SizeBytes);
        Assert.True(built.SizeBytes * 2 <= naiveBytes, $"the suggestion ({built.SizeBytes} B) should be at most half its source ({naiveBytes} B)");

        // Each saving is the size difference of its ablation builds: on the source, or on top of what it needs.
        Assert.Contains("multi-stage-split", built.Transformations.Select(t => t.Id));
        await AssertSavingsMeasuredAsync(context, PythonWheelContext.NaiveDockerfile, naiveBytes, built);
        Assert.True(built.Transformations.Single(t => t.Id == "multi-stage-split").SavedBytes > 0, "the split alone should leave the build tooling behind");
        Assert.Equal(["multi-stage-split"], built.Transformations.Single(t => t.Id == "smaller-base").OnTopOf);

        // The check ran the app in both images.
        var check = built.Check!;
        Assert.True(check.Status == SuggestionCheckStatus.Passed, $"{check.Status}: {check.Reason} source: {check.SourceOutput} suggested: {check.SuggestedOutput}");
        Assert.Equal(["python3", "app.py"], check.Command);
        Assert.Equal(PythonWheelContext.Greeting, check.Expect);
        Assert.Contains(PythonWheelContext.Greeting, check.SourceOutput, StringComparison.Ordinal);
        Assert.Contains(PythonWheelContext.Greeting, check.SuggestedOutput, StringComparison.Ordinal);
        Assert.Empty(check.FailingTransformations);
        Assert.Equal("passed", SuggestionResponse.Describe(check));
        await AssertNothingLeftAsync(source.ExperimentId, built.Id);
    }

    [Fact]
    public async Task Suggest_CNaiveWithCheck_StaticProgramOnScratchPassesTheCheckAndEachSavingIsProven()
    {
        // Arrange: a plain dynamic link on the full base; the check runs the program.
        var client = factory.CreateClient();
        using var context = StaticCContext.Create();
        var source = await BuildAsync(client, context, "static C", JsonSerializer.Serialize(new { command = new[] { "/hello" }, expect = StaticCContext.Greeting }));

        // Act
        var (_, built) = await SuggestAndBuildAsync(client, source);

        // Assert: the program, linked statically, alone on scratch (no slim base although the engine has one).
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        Assert.Equal("scratch", DockerfileParser.Parse(built.DockerfileText).FinalStage!.BaseImage);
        Assert.Contains("RUN gcc -static -O2 -o hello hello.c", built.DockerfileText, StringComparison.Ordinal);
        Assert.Equal(["multi-stage-split", "scratch-base"], built.Transformations.Select(t => t.Id));
        Assert.Equal(["multi-stage-split"], built.Transformations.Single(t => t.Id == "scratch-base").OnTopOf);
        var naiveBytes = await DockerCli.ImageSizeAsync(source.ImageId!);
        Assert.Equal(await DockerCli.ImageSizeAsync(built.ImageId!), built.SizeBytes);
        Assert.True(built.SizeBytes is > 0 and < 2_000_000, $"a static hello on scratch should be under 2 MB, not {built.SizeBytes} B (its source: {naiveBytes} B)");
        await AssertSavingsMeasuredAsync(context, StaticCContext.NaiveDockerfile, naiveBytes, built);

        // The check ran the program in both images.
        var check = built.Check!;
        Assert.True(check.Status == SuggestionCheckStatus.Passed, $"{check.Status}: {check.Reason} source: {check.SourceOutput} suggested: {check.SuggestedOutput}");
        Assert.Contains(StaticCContext.Greeting, check.SourceOutput, StringComparison.Ordinal);
        Assert.Contains(StaticCContext.Greeting, check.SuggestedOutput, StringComparison.Ordinal);
        await AssertNothingLeftAsync(source.ExperimentId, built.Id);
    }

    [Fact]
    public async Task Suggest_CheckNeedsWhatTheSplitMoves_FailedWithTheFailingTransformationNamed()
    {
        // Arrange: the check comes from the submission and calls the system interpreter, which has the package only
        // while pip installs it system-wide; the split moves it into the virtual environment.
        var client = factory.CreateClient();
        using var context = PythonWheelContext.Create();
        var source = await BuildAsync(client, context, "check fails", """{"command": ["/usr/bin/python3", "-c", "import greeter; print(greeter.hello())"]}""");

        // Act
        var (_, built) = await SuggestAndBuildAsync(client, source);

        // Assert
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        var check = built.Check!;
        Assert.True(check.Status == SuggestionCheckStatus.Failed, $"{check.Status}: {check.Reason}");
        Assert.Contains(PythonWheelContext.Greeting, check.SourceOutput, StringComparison.Ordinal);
        Assert.Contains("No module named 'greeter'", check.SuggestedOutput, StringComparison.Ordinal);
        Assert.Equal(["multi-stage-split"], check.FailingTransformations);
        Assert.Equal("The suggested image fails the check (it exited with code 1); applied alone, multi-stage-split fails it too.", check.Reason);
        Assert.StartsWith("failed: The suggested image fails the check", SuggestionResponse.Describe(check), StringComparison.Ordinal);
        await AssertNothingLeftAsync(source.ExperimentId, built.Id);
    }

    [Fact]
    public async Task Suggest_CheckThatReachesTheNetwork_FailsOnTheSourceBecauseTheContainerHasNone()
    {
        // Arrange
        var client = factory.CreateClient();
        using var context = PythonWheelContext.Create();
        const string connect = "import socket; socket.create_connection(('1.1.1.1', 53), timeout=5); print('reached')";
        var source = await BuildAsync(client, context, "check offline",
            JsonSerializer.Serialize(new { command = new[] { "python3", "-c", connect }, expect = "reached" }));

        // Act
        var (_, built) = await SuggestAndBuildAsync(client, source);

        // Assert
        var check = built.Check!;
        Assert.True(check.Status == SuggestionCheckStatus.Failed, $"{check.Status}: {check.Reason}");
        Assert.StartsWith("The source image itself fails the check (it exited with code 1)", check.Reason, StringComparison.Ordinal);
        Assert.Contains("Network is unreachable", check.SourceOutput, StringComparison.Ordinal);
        Assert.Null(check.SuggestedOutput);
        await AssertNothingLeftAsync(source.ExperimentId, built.Id);
    }

    [Theory]
    [InlineData("""{"command": []}""", "A check needs a command")]
    [InlineData("""{"command": "python3 -c 1"}""", "needs a 'command' array of words")]
    [InlineData("""{"command": ["sh"], "expect": 5}""", "'expect' is the text the output must contain")]
    [InlineData("not json", "is not valid JSON")]
    public async Task Submit_InvalidCheck_400WithASentence(string check, string expected)
    {
        // Arrange
        var client = factory.CreateClient();
        using var context = PythonWheelContext.Create();

        // Act
        using var response = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative),
            ExperimentUpload.FromFolder(context.Folder, ("project", Project), ("check", check)));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private Task<BuiltIteration> BuildAsync(HttpClient client, IBuildContextFolder context, string name, string? check = null) =>
        SuggestionBuilds.BuildAsync(factory, client, context.Folder, Project, name, check);

    private static Task<(SuggestionResponse Suggested, IterationDetails Built)> SuggestAndBuildAsync(HttpClient client, BuiltIteration source) =>
        SuggestionBuilds.SuggestAndBuildAsync(client, source);

    private static Task AssertNothingLeftAsync(long experimentId, long suggestedId) => SuggestionBuilds.AssertNothingLeftAsync(Project, experimentId, suggestedId);

    // Each transformation is measured, and its saving is the size difference of its ablation builds (made here with the
    // docker CLI): on the source, or on top of what it needs.
    private static async Task AssertSavingsMeasuredAsync(IBuildContextFolder context, string naiveDockerfile, long naiveBytes, IterationDetails built)
    {
        var ids = built.Transformations.Select(t => t.Id).ToList();
        foreach (var transformation in built.Transformations)
        {
            Assert.True(transformation.Status == TransformationStatus.Measured, $"{transformation.Id}: {transformation.Status} {transformation.Reason}");
            var ablation = new DockerfileRewriter().Ablate(naiveDockerfile, transformation.Id, ids, AllowingSlimPython())!;
            Assert.Equal(ablation.BuiltWith, transformation.OnTopOf);
            var baselineBytes = ablation.BuiltWith.Count == 0 ? naiveBytes : await CliAblationBuild.SizeAsync(context.ContextFiles, ablation.Baseline);
            Assert.Equal(baselineBytes - await CliAblationBuild.SizeAsync(context.ContextFiles, ablation.Text), transformation.SavedBytes);
        }
    }

    // The slim base the engine holds, as the suggestion found it.
    private static DockerfileRewriteOptions AllowingSlimPython() => new() { AllowedBaseImages = new HashSet<string> { "python:3.11-slim-bookworm" } };
}
