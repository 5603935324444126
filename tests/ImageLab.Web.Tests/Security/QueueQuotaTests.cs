using System.Net;
using System.Text.Json;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;

namespace ImageLab.Web.Tests.Security;

/// <summary>
/// One member cannot fill the queue: iterations waiting or building count against a limit per submitter and per
/// project when an experiment is submitted, against the real app and database (the worker is off, so they wait).
/// </summary>
public sealed class QueueQuotaTests(QueueQuotaTests.QuotaFactory factory) : IClassFixture<QueueQuotaTests.QuotaFactory>
{
    private const string Dockerfile = "FROM busybox\nRUN echo hi\n";

    [Fact]
    public async Task Submit_PastTheSubmittersLimit_TooManyRequestsWithASentenceAndNothingStored()
    {
        // Arrange: a member with two iterations waiting, of a limit of three
        using var client = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));
        var project = $"quota-{Guid.NewGuid():N}"[..14];
        await ExperimentUpload.SubmitAsync(client, TwoIterations(project));

        // Act
        using var refused = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), TwoIterations(project));

        // Assert
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)refused.StatusCode} {body}");
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.Contains("has 2 iterations waiting or building; 2 more would pass the limit of 3 (Security:MaxWaitingIterationsPerUser)", detail, StringComparison.Ordinal);
        using var one = await client.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", project)));
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
    }

    [Fact]
    public async Task Submit_PastTheProjectsLimit_RefusedForAnotherMemberToo()
    {
        // Arrange: two members fill one project up to its limit of four
        var project = $"quota-{Guid.NewGuid():N}"[..14];
        using var first = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));
        using var second = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));
        await ExperimentUpload.SubmitAsync(first, TwoIterations(project));
        await ExperimentUpload.SubmitAsync(second, TwoIterations(project));

        // Act
        using var refused = await second.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([("Dockerfile", Dockerfile)], ("project", project)));

        // Assert
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, $"{(int)refused.StatusCode} {body}");
        Assert.Contains($"The project {project} has 4 iterations waiting or building", body, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent TwoIterations(string project) =>
        ExperimentUpload.FromFiles([("Dockerfile.1-a", Dockerfile), ("Dockerfile.2-b", Dockerfile)], ("project", project));

    /// <summary>The worker is off, so submitted iterations wait; small limits.</summary>
    public sealed class QuotaFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Worker:Enabled"] = "false",
            ["Security:MaxWaitingIterationsPerUser"] = "3",
            ["Security:MaxWaitingIterationsPerProject"] = "4",
        };
    }
}
