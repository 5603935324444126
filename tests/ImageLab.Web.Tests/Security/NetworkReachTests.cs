using System.Net;
using System.Net.Http.Json;
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
