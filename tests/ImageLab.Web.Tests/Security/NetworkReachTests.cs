using System.Net;
using System.Net.Http.Json;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Security;

/// <summary>
/// Without 'network', the intake of the real app refuses what makes the engine itself reach the network (ADD of URLs and
/// git repositories, '# syntax=' frontends, the BUILDKIT_SYNTAX build argument) with a sentence naming the line; a
/// member who asks for network may submit the same.
/// </summary>
public sealed class NetworkReachTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    public static TheoryData<string, string, string> Reaching => new()
    {
        { "FROM busybox:1.36\nADD http://169.254.169.254/latest/meta-data/ /m\n", "", "line 2: ADD http://169.254.169.254/latest/meta-data/" },
        { "FROM busybox:1.36\nRUN true\nADD [\"https://127.0.0.1:9/Release\", \"/r\"]\n", "", "line 3: ADD https://127.0.0.1:9/Release" },
        { "FROM busybox:1.36\nADD git@github.com:moby/buildkit.git /src\n", "", "line 2: ADD git@github.com:moby/buildkit.git" },
        { "# syntax=127.0.0.1:9/frontend:1\nFROM busybox:1.36\n", "", "'# syntax=127.0.0.1:9/frontend:1'" },
        { "FROM busybox:1.36\nRUN true\n", "BUILDKIT_SYNTAX=127.0.0.1:9/frontend:1", "BUILDKIT_SYNTAX=127.0.0.1:9/frontend:1" },
    };

    [Theory]
    [MemberData(nameof(Reaching))]
    public async Task Submit_WithoutNetwork_RefusesNamingTheLine(string dockerfile, string buildArg, string expected)
    {
        // Arrange
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        using var response = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative), Upload(dockerfile, buildArg));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("did not ask for network", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reaching))]
    public async Task Submit_MemberWithNetwork_IsAccepted(string dockerfile, string buildArg, string expected)
    {
        // Arrange
        _ = expected;
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        using var response = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative), Upload(dockerfile, buildArg, network: true));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Build_WithoutNetworkFromAnImageTheEngineLacks_FailsNamingTheLineWithoutPulling()
    {
        // Arrange
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        var experiment = await ExperimentUpload.SubmitAsync(member, Upload("FROM busybox:1.36 AS tools\nFROM imagelab-not-on-this-engine:1\nRUN true\n", ""));
        var ended = await Polling.WaitForAsync(member, experiment.Id, e => e.Iterations.All(i => i.Status.IsFinal()), TimeSpan.FromMinutes(2), "the refusal");

        // Assert
        var iteration = Assert.Single(ended.Iterations);
        Assert.Equal(IterationStatus.Failed, iteration.Status);
        Assert.Contains("Line 2 needs the image imagelab-not-on-this-engine:1, which this engine does not have", iteration.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_CacheMountsOfTwoMembers_AreNotShared()
    {
        // Arrange: member A leaves a file in a cache mount; A's next build finds it, B's does not
        var target = $"/cache-{Guid.NewGuid():N}";
        using var memberA = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));
        using var memberB = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));
        var write = $"FROM busybox:1.36\nRUN --mount=type=cache,target={target} echo a > {target}/left-by-a\n";
        string Probe(string expectation) => $"FROM busybox:1.36\nRUN --mount=type=cache,target={target} {expectation} -e {target}/left-by-a\n";

        // Act
        var first = await BuildAsync(memberA, write);
        var again = await BuildAsync(memberA, Probe("test"));
        var other = await BuildAsync(memberB, Probe("test !"));

        // Assert
        Assert.Equal(IterationStatus.Succeeded, first.Status);
        Assert.True(again.Status == IterationStatus.Succeeded, $"A's own cache mount lost its file: {again.Error}");
        Assert.True(other.Status == IterationStatus.Succeeded, $"B's build saw A's cache mount: {other.Error}");
    }

    private static async Task<IterationDetails> BuildAsync(HttpClient client, string dockerfile)
    {
        var experiment = await ExperimentUpload.SubmitAsync(client, ExperimentUpload.FromFiles([("Dockerfile", dockerfile)], ("builder", "BuildKit")));
        var ended = await Polling.WaitForAsync(client, experiment.Id, e => e.Iterations.All(i => i.Status.IsFinal()), TimeSpan.FromMinutes(3), "the build");
        return Assert.Single(ended.Iterations);
    }

    private static MultipartFormDataContent Upload(string dockerfile, string buildArg, bool network = false)
    {
        var fields = new List<(string, string)> { ("project", "network-reach") };
        if (buildArg.Length > 0)
        {
            fields.Add(("buildArgs", buildArg));
        }

        if (network)
        {
            fields.Add(("network", "true"));
        }

        return ExperimentUpload.FromFiles([("Dockerfile", dockerfile)], [.. fields]);
    }
}
