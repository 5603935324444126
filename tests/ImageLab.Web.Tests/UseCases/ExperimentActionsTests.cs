using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using ImageLab.Web.Tests.Infrastructure;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.UseCases;

/// <summary>
/// The use cases against the real app and database: the caller's permission is checked when the action runs (not only
/// by the endpoint), the audit entry names the caller, and the REST API answers a refusal with its sentence.
/// </summary>
public sealed class ExperimentActionsTests(ExperimentActionsTests.QueuedOnlyFactory factory) : IClassFixture<ExperimentActionsTests.QueuedOnlyFactory>
{
    private const string Dockerfile = "FROM busybox\nRUN echo hi\n";

    [Fact]
    public async Task CancelExperimentAsync_ViewerCaller_RefusedAndNothingCancelled()
    {
        // Arrange
        var client = factory.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", "usecases")));
        var actions = factory.GetService<ExperimentActions>();
        var viewer = await CallerAsync("vera", ImageLabRoles.Viewer);

        // Act
        var refusal = await Assert.ThrowsAsync<ActionRefusedException>(
            () => actions.CancelExperimentAsync(experiment.Id, viewer, CancellationToken.None));

        // Assert
        Assert.Equal(Refusal.Forbidden, refusal.Reason);
        Assert.StartsWith($"{viewer.Identity!.Name} may not cancel builds", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(IterationStatus.Queued, Assert.Single((await ExperimentUpload.GetAsync(client, experiment.Id)).Iterations).Status);
    }

    [Fact]
    public async Task CancelIterationAsync_MemberCaller_CancelledAndAuditedUnderTheCallersName()
    {
        // Arrange
        var client = factory.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", "usecases")));
        var iteration = Assert.Single(experiment.Iterations);
        var actions = factory.GetService<ExperimentActions>();
        var member = await CallerAsync("mira", ImageLabRoles.Member);

        // Act
        await actions.CancelIterationAsync(experiment.Id, iteration.Id, member, CancellationToken.None);

        // Assert
        Assert.Equal(IterationStatus.Canceled, Assert.Single((await ExperimentUpload.GetAsync(client, experiment.Id)).Iterations).Status);
        var entries = await factory.GetService<IAuditLog>().ListAsync(1, 50, CancellationToken.None);
        Assert.Contains(entries.Items, e => e.UserName == member.Identity!.Name && e.Action == AuditActions.ExperimentCancelled
            && e.Target == $"experiment {experiment.Id}" && e.Details == $"iteration {iteration.Id}");
    }

    [Fact]
    public async Task CancelExperimentAsync_UnknownExperiment_NotFoundSentence()
    {
        var actions = factory.GetService<ExperimentActions>();
        var member = await CallerAsync("mira", ImageLabRoles.Member);

        var refusal = await Assert.ThrowsAsync<ActionRefusedException>(
            () => actions.CancelExperimentAsync(987_654, member, CancellationToken.None));

        Assert.Equal(Refusal.NotFound, refusal.Reason);
        Assert.Equal("There is no experiment 987654.", refusal.Message);
    }

    [Theory]
    [InlineData("yesterday", HttpStatusCode.BadRequest, "The baseline 'yesterday' is neither an experiment id nor 'auto'.")]
    [InlineData("987654", HttpStatusCode.NotFound, "There is no baseline experiment 987654.")]
    public async Task Report_BadBaseline_ProblemWithTheUseCasesSentence(string baseline, HttpStatusCode status, string detail)
    {
        // Arrange
        var client = factory.CreateClient();
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", "usecases")));

        // Act
        using var response = await client.GetAsync(new Uri($"/api/experiments/{experiment.Id}/report?baseline={baseline}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(detail, problem!.Detail);
    }

    // A real user (the use case asks the database at the moment of the action) and the claims its sign-in carries.
    private async Task<ClaimsPrincipal> CallerAsync(string name, string role)
    {
        var unique = $"{name}-{Guid.NewGuid():N}"[..16];
        await factory.GetService<UserAdministration>().CreateAsync(unique, role, password: null, "tests", CancellationToken.None);
        return new(new ClaimsIdentity([new Claim(ClaimTypes.Name, unique), new Claim(ClaimTypes.Role, role)], "tests"));
    }

    /// <summary>The worker is off: submitted experiments stay queued, nothing is built.</summary>
    public sealed class QueuedOnlyFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Worker:Enabled"] = "false" };
    }
}
