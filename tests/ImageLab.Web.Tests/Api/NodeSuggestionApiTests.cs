using ImageLab.Core.Contracts;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// A naive Node build's suggestion on the real engine, offline: the multi-stage split leaves the dev dependencies and
/// npm's cache in the builder, the runtime copies the app directory with its production node_modules, the saving is
/// proven by an ablation build, and the built server still greets in the suggested image.
/// </summary>
public sealed class NodeSuggestionApiTests(ImageLabWebFactory factory, ITestOutputHelper output) : IClassFixture<ImageLabWebFactory>
{
    // Its own project: each test class has its own database, so experiment ids repeat between classes on the one engine.
    private const string Project = "node-suggestions";

    [Fact]
    public async Task Suggest_NodeNaiveWithDevDependencies_SplitDropsThemAndTheServerStillRuns()
    {
        // Arrange
        var client = factory.CreateClient();
        using var context = NodeAppContext.Create(
            $$"""{ "check": { "command": ["node", "dist/server.js"], "expect": "{{NodeAppContext.Greeting}}" } }""");
        var source = await SuggestionBuilds.BuildAsync(factory, client, context.Folder, Project, "node naive");

        // Act
        var (_, built) = await SuggestionBuilds.SuggestAndBuildAsync(client, source);

        // Assert: built with the split, and smaller by at least the dev dependency.
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        Assert.Equal(["multi-stage-split"], built.Transformations.Select(t => t.Id));
        Assert.Contains("RUN npm run build\nRUN npm prune --omit=dev\n\nFROM node:20-bookworm\nWORKDIR /app\nCOPY --from=builder /app /app\nCMD",
            built.DockerfileText, StringComparison.Ordinal);
        var naiveBytes = await DockerCli.ImageSizeAsync(source.ImageId!);
        Assert.Equal(await DockerCli.ImageSizeAsync(built.ImageId!), built.SizeBytes);
        Assert.True(naiveBytes - built.SizeBytes >= NodeAppContext.DevDependencyBytes,
            $"the suggestion ({built.SizeBytes} B) should be at least the dev dependency ({NodeAppContext.DevDependencyBytes} B) smaller than its source ({naiveBytes} B)");

        // The saving is the size difference of the split's ablation build on the source.
        var split = built.Transformations.Single();
        Assert.True(split.Status == TransformationStatus.Measured, $"{split.Id}: {split.Status} {split.Reason}");
        var ablation = new DockerfileRewriter().Ablate(NodeAppContext.NaiveDockerfile, split.Id, [split.Id])!;
        Assert.Empty(ablation.BuiltWith);
        Assert.Empty(split.OnTopOf);
        Assert.Equal(naiveBytes - await CliAblationBuild.SizeAsync(context.ContextFiles, ablation.Text), split.SavedBytes);
        output.WriteLine($"Node naive {naiveBytes} B, suggested {built.SizeBytes} B, the split saved {split.SavedBytes} B (uncompressed, as docker image inspect reports them)");

        // The check ran the built server in both images.
        var check = built.Check!;
        Assert.True(check.Status == SuggestionCheckStatus.Passed, $"{check.Status}: {check.Reason} source: {check.SourceOutput} suggested: {check.SuggestedOutput}");
        Assert.Equal(["node", "dist/server.js"], check.Command);
        Assert.Contains(NodeAppContext.Greeting, check.SourceOutput, StringComparison.Ordinal);
        Assert.Contains(NodeAppContext.Greeting, check.SuggestedOutput, StringComparison.Ordinal);
        await SuggestionBuilds.AssertNothingLeftAsync(Project, source.ExperimentId, built.Id);
    }
}
