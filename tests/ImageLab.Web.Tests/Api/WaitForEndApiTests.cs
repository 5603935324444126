using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageLab.Core.Experiments;
using ImageLab.Testing;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// <c>?wait=</c>: a CI job submits and gets the engine's sizes in the same answer, or asks once for an experiment's end,
/// instead of polling; a wait that runs out answers with the experiment as it stands.
/// </summary>
public sealed class WaitForEndApiTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    private static readonly string ShellLadder = Path.Combine(TestEnvironment.SamplesFolder, "shell-offline");

    [Fact]
    public async Task Submit_WithWait_AnswersWithEveryIterationBuiltAndItsSizeEqualToTheEngine()
    {
        // Arrange
        var client = factory.CreateClient();

        // Act
        using var response = await client.PostAsync(new Uri("/api/experiments?wait=300", UriKind.Relative),
            ExperimentUpload.FromFolder(ShellLadder, ("project", "ci-wait"), ("builder", "buildkit")));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var experiment = JsonSerializer.Deserialize<ExperimentDetails>(body, ExperimentUpload.Json)!;
        Assert.Equal(ExperimentStatus.Succeeded, experiment.Status);
        Assert.Equal(4, experiment.Iterations.Count);
        foreach (var iteration in experiment.Iterations)
        {
            Assert.True(iteration.Status == IterationStatus.Succeeded, $"{iteration.Name}: {iteration.Status} {iteration.Error}");
            Assert.Equal(await DockerCli.ImageSizeAsync(iteration.ImageId!), iteration.SizeBytes);
            Assert.NotEmpty(iteration.Layers);
        }
    }

    [Fact]
    public async Task Get_WithWait_AnswersOnceTheExperimentHasEnded()
    {
        // Arrange
        var client = factory.CreateClient();
        var submitted = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFiles([("Dockerfile", "FROM busybox\nRUN sleep 2 && echo done > /done\n")], ("project", "ci-wait")));

        // Act
        var experiment = await client.GetFromJsonAsync<ExperimentDetails>(
            new Uri($"/api/experiments/{submitted.Id}?wait=300", UriKind.Relative), ExperimentUpload.Json);

        // Assert
        Assert.NotEqual(ExperimentStatus.Succeeded, submitted.Status);
        Assert.Equal(ExperimentStatus.Succeeded, experiment!.Status);
        Assert.Equal(await DockerCli.ImageSizeAsync(experiment.Iterations[0].ImageId!), experiment.Iterations[0].SizeBytes);
    }

    [Fact]
    public async Task Get_WaitRunsOutBeforeTheBuildEnds_AnswersWithTheExperimentAsItStands()
    {
        // Arrange
        var client = factory.CreateClient();
        var submitted = await ExperimentUpload.SubmitAsync(client,
            ExperimentUpload.FromFiles([("Dockerfile", "FROM busybox\nRUN sleep 600\n")], ("project", "ci-wait")));

        try
        {
            // Act
            var experiment = await client.GetFromJsonAsync<ExperimentDetails>(
                new Uri($"/api/experiments/{submitted.Id}?wait=1", UriKind.Relative), ExperimentUpload.Json);

            // Assert
            Assert.False(experiment!.Status.IsFinal(), $"the build sleeps for ten minutes, yet the experiment is {experiment.Status}");
            Assert.Equal(submitted.Id, experiment.Id);
        }
        finally
        {
            using var cancel = await client.PostAsync(new Uri($"/api/experiments/{submitted.Id}/cancel", UriKind.Relative), null);
        }
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("601")]
    public async Task Get_WaitNotASecondsCount_BadRequestWithASentence(string wait)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri($"/api/experiments/1?wait={wait}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("wait is a number of seconds from 0 to 600", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithWaitForAnUnknownExperiment_NotFoundAtOnce()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/experiments/987654?wait=600", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no experiment 987654.", problem!.Detail);
    }
}
