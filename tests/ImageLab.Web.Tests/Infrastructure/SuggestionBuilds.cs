using System.Net;
using System.Text.Json;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>
/// The steps of a suggestion test on the real engine: submit a context and wait for its build, ask for the suggestion
/// and wait for it (built, ablations measured, check run), and check that nothing of it is left on the engine.
/// </summary>
public static class SuggestionBuilds
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Submits <paramref name="folder"/> to <paramref name="project"/> (classic builder) and waits until its one iteration built.</summary>
    public static async Task<BuiltIteration> BuildAsync(ImageLabWebFactory factory, HttpClient client, string folder, string project, string name, string? check = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var hub = factory.CreateHubConnection();
        await hub.StartAsync();
        var fields = new List<(string, string)> { ("project", project), ("name", name), ("builder", "classic") };
        if (check is not null)
        {
            fields.Add(("check", check));
        }

        var submitted = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFolder(folder, [.. fields]));
        await BuildWatcher.FollowToEndAsync(hub, submitted, BuildTimeout);
        var iteration = (await ExperimentUpload.GetAsync(client, submitted.Id)).Iterations.Single();
        Assert.True(iteration.Status == IterationStatus.Succeeded, $"{iteration.Status}: {iteration.Error}");
        Assert.Null(iteration.Check);
        return new BuiltIteration(submitted.Id, iteration.Id, iteration.ImageId, iteration.SizeBytes);
    }

    /// <summary>POSTs the suggestion for <paramref name="source"/> (201 expected) and waits until it is final.</summary>
    public static async Task<(SuggestionResponse Suggested, IterationDetails Built)> SuggestAndBuildAsync(HttpClient client, BuiltIteration source)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(source);
        var experimentId = source.ExperimentId;
        using var response = await client.PostAsync(new Uri($"/api/experiments/{experimentId}/iterations/{source.Id}/suggestion", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST suggestion answered {(int)response.StatusCode}: {body}");
        var suggested = JsonSerializer.Deserialize<SuggestionResponse>(body, ExperimentUpload.Json)!;
        var experiment = await Polling.WaitForAsync(client, experimentId,
            e => e.Iterations.Single(i => i.Id == suggested.Id).Status.IsFinal(), BuildTimeout, "the suggestion to be built and checked");
        return (suggested, experiment.Iterations.Single(i => i.Id == suggested.Id));
    }

    /// <summary>
    /// No ablation image and no check container of the suggestion is left. Scoped to this experiment by the ablation
    /// images' tags (classic builds carry no project label): other test classes build their own ablations at the same time.
    /// </summary>
    public static async Task AssertNothingLeftAsync(string project, long experimentId, long suggestedId)
    {
        Assert.Empty((await DockerCli.RunAsync("images", "-q", "--filter", "label=imagelab.ablation", "--filter", $"reference=imagelab/{project}:{experimentId}-*")).Trim());
        Assert.Empty((await DockerCli.RunAsync("ps", "-aq", "--filter", "label=imagelab.check", "--filter", $"label=imagelab.project={project}", "--filter", $"label=imagelab.iteration={suggestedId}")).Trim());
    }
}
