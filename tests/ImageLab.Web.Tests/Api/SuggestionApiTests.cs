using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Core.Contracts;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// Proven advice through the REST API on the real engine: the suggestion is appended and queued (and its watchers hear
/// of it at once), builds smaller than its source, and each transformation's saving equals the size difference of its
/// own build; a transformation that breaks the build is dropped with the engine's reason; a Dockerfile with nothing to
/// rewrite gets a 409.
/// </summary>
public sealed class SuggestionApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly string ShellLadder = Path.Combine(TestEnvironment.SamplesFolder, "shell-offline");

    [Fact]
    public async Task Suggest_ShellNaive_BuildsSmallerAndEachSavingEqualsItsAblationBuild()
    {
        // Arrange
        var client = factory.CreateClient();
        var naiveText = await File.ReadAllTextAsync(Path.Combine(ShellLadder, "Dockerfile.1-naive"));
        var naive = await BuildAsync(client, "suggest shell", naiveText);

        // Act
        var suggested = await SuggestAsync(client, naive);
        var experiment = await Polling.WaitForAsync(client, suggested.ExperimentId,
            e => e.Iterations.Single(i => i.Id == suggested.Id).Status.IsFinal(), BuildTimeout, "the suggestion to be built");

        // Assert
        Assert.Equal(naive.Id, suggested.SuggestedFrom);
        Assert.Equal(["join-runs", "smaller-base"], suggested.Transformations.Select(t => t.Id));
        Assert.All(suggested.Transformations, t => Assert.Equal(TransformationStatus.Pending, t.Status));
        Assert.Equal(SuggestionResponse.NotRun, suggested.Check);
        var built = experiment.Iterations.Single(i => i.Id == suggested.Id);
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        Assert.Equal(naive.Id, built.SuggestedFrom);
        var naiveBytes = await DockerCli.ImageSizeAsync(naive.ImageId!);
        Assert.Equal(await DockerCli.ImageSizeAsync(built.ImageId!), built.SizeBytes);
        Assert.True(built.SizeBytes < naiveBytes, $"the suggestion ({built.SizeBytes} B) should be smaller than its source ({naiveBytes} B)");
        var ids = built.Transformations.Select(t => t.Id).ToList();
        foreach (var transformation in built.Transformations)
        {
            Assert.True(transformation.Status == TransformationStatus.Measured, $"{transformation.Id}: {transformation.Status} {transformation.Reason}");
            var ablation = new DockerfileRewriter().Ablate(naiveText, transformation.Id, ids, AllowingSlimDebian())!;
            Assert.Empty(ablation.BuiltWith);
            Assert.Empty(transformation.OnTopOf);
            Assert.Equal(naiveBytes - await CliAblationBuild.SizeAsync(ShellContextFiles, ablation.Text), transformation.SavedBytes);
            Assert.True(transformation.SavedBytes > 0, $"{transformation.Id} saved {transformation.SavedBytes} B");
        }

        Assert.Equal(SuggestionCheckStatus.NotRun, built.Check!.Status);
        Assert.Empty((await DockerCli.RunAsync("images", "-q", "--filter", "label=imagelab.ablation", "--filter", $"reference=imagelab/suggestions:{naive.ExperimentId}-*")).Trim());
    }

    [Fact]
    public async Task Suggest_TransformationBreaksTheBuild_DroppedWithTheEnginesReasonAndRebuiltWithoutIt()
    {
        // Arrange: the slim base has no /usr/share/doc/dpkg, so the smaller base breaks the copy; the join does not.
        var client = factory.CreateClient();
        const string dockerfile = "FROM debian:bookworm\nRUN cp -a /usr/share/doc/dpkg /opt/dpkg-docs\nRUN cp -a /usr/lib/x86_64-linux-gnu/gconv /opt/toolchain\nRUN rm -rf /opt/toolchain\n";
        var source = await BuildAsync(client, "suggest breaking", dockerfile);

        // Act
        var suggested = await SuggestAsync(client, source);
        var experiment = await Polling.WaitForAsync(client, suggested.ExperimentId,
            e => e.Iterations.Single(i => i.Id == suggested.Id).Status.IsFinal(), BuildTimeout, "the suggestion to be built");

        // Assert
        var built = experiment.Iterations.Single(i => i.Id == suggested.Id);
        Assert.True(built.Status == IterationStatus.Succeeded, $"{built.Status}: {built.Error} {string.Join(" | ", built.Transformations)}");
        var slim = built.Transformations.Single(t => t.Id == "smaller-base");
        Assert.Equal(TransformationStatus.Dropped, slim.Status);
        Assert.Null(slim.SavedBytes);
        Assert.Contains("/usr/share/doc/dpkg", slim.Reason, StringComparison.Ordinal);
        Assert.Equal(TransformationStatus.Measured, built.Transformations.Single(t => t.Id == "join-runs").Status);
        Assert.StartsWith("FROM debian:bookworm\n", built.DockerfileText, StringComparison.Ordinal);
        Assert.Contains("&& rm -rf /opt/toolchain", built.DockerfileText, StringComparison.Ordinal);
        Assert.True(built.SizeBytes < source.SizeBytes, $"the suggestion ({built.SizeBytes} B) should be smaller than its source ({source.SizeBytes} B)");
        using var patch = await client.GetAsync(PatchUri(source.ExperimentId, built.Id));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("text/x-diff", patch.Content.Headers.ContentType?.MediaType);
        Assert.Equal("imagelab.patch", patch.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(SuggestionPatch.Create("Dockerfile.1-naive", dockerfile, built.DockerfileText), await patch.Content.ReadAsStringAsync());
        using var notSuggested = await client.GetAsync(PatchUri(source.ExperimentId, source.Id));
        Assert.Equal(HttpStatusCode.NotFound, notSuggested.StatusCode);
        using var dockerIgnore = await client.GetAsync(new Uri($"/api/experiments/{source.ExperimentId}/iterations/{built.Id}/dockerignore", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, dockerIgnore.StatusCode);
    }

    [Fact]
    public async Task Suggest_ExperimentWatched_TheWatchersFirstEventOfTheNewIterationIsItsQueuedStatus()
    {
        // Arrange: a watcher of the experiment, as every open experiment page is one.
        var client = factory.CreateClient();
        var source = await BuildAsync(client, "suggest live", "FROM busybox:1.36\nRUN mkdir -p /opt && cp -a /bin /opt/tools\nRUN rm -rf /opt/tools\n");
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);

        // Act
        var suggested = await SuggestAsync(client, source);
        var first = await FirstEventOfAsync(hub.StreamAsync<BuildEventMessage>("Watch", source.ExperimentId, 0L, timeout.Token), suggested.Id);

        // Assert: the append itself is announced, before the worker's first event for it.
        Assert.Equal((BuildEventType.Status, IterationStatus.Queued), (first.Type, first.Status));
        var experiment = await Polling.WaitForAsync(client, suggested.ExperimentId,
            e => e.Iterations.Single(i => i.Id == suggested.Id).Status.IsFinal(), BuildTimeout, "the suggestion to be built");
        Assert.Equal(IterationStatus.Succeeded, experiment.Iterations.Single(i => i.Id == suggested.Id).Status);
    }

    [Fact]
    public async Task Suggest_NothingToRewrite_409WithASentence()
    {
        // Arrange
        var client = factory.CreateClient();
        var source = await BuildAsync(client, "suggest nothing", "FROM busybox:1.36\nCMD [\"true\"]\n");

        // Act
        using var response = await client.PostAsync(SuggestionUri(source), null);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("No transformation applies to iteration 1", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await ExperimentUpload.GetAsync(client, source.ExperimentId)).Iterations);
    }

    private static IEnumerable<string> ShellContextFiles => new[] { "tool.sh", "data.txt" }.Select(f => Path.Combine(ShellLadder, f));

    private static DockerfileRewriteOptions AllowingSlimDebian() => new() { AllowedBaseImages = new HashSet<string> { "debian:bookworm-slim" } };

    private async Task<BuiltIteration> BuildAsync(HttpClient client, string name, string dockerfile)
    {
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();
        var files = new[] { ("Dockerfile.1-naive", dockerfile) }
            .Concat(new[] { "tool.sh", "data.txt" }.Select(f => (f, File.ReadAllText(Path.Combine(ShellLadder, f)))));
        var submitted = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles(files, ("project", "suggestions"), ("name", name), ("builder", "classic")));
        await BuildWatcher.FollowToEndAsync(hub, submitted, BuildTimeout);
        var iteration = (await ExperimentUpload.GetAsync(client, submitted.Id)).Iterations.Single();
        Assert.True(iteration.Status == IterationStatus.Succeeded, $"{iteration.Status}: {iteration.Error}");
        return new BuiltIteration(submitted.Id, iteration.Id, iteration.ImageId, iteration.SizeBytes);
    }

    private static async Task<SuggestionResponse> SuggestAsync(HttpClient client, BuiltIteration source)
    {
        using var response = await client.PostAsync(SuggestionUri(source), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST suggestion answered {(int)response.StatusCode}: {body}");
        Assert.Equal($"/api/experiments/{source.ExperimentId}", response.Headers.Location?.OriginalString);
        return JsonSerializer.Deserialize<SuggestionResponse>(body, ExperimentUpload.Json)!;
    }

    private static async Task<BuildEventMessage> FirstEventOfAsync(IAsyncEnumerable<BuildEventMessage> events, long iterationId)
    {
        await foreach (var message in events)
        {
            if (message.IterationId == iterationId)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"The watch ended without an event of iteration {iterationId}.");
    }

    private static Uri PatchUri(long experimentId, long iterationId) =>
        new($"/api/experiments/{experimentId}/iterations/{iterationId}/patch", UriKind.Relative);

    private static Uri SuggestionUri(BuiltIteration source) =>
        new($"/api/experiments/{source.ExperimentId}/iterations/{source.Id}/suggestion", UriKind.Relative);

    private sealed record BuiltIteration(long ExperimentId, long Id, string? ImageId, long? SizeBytes);
}
