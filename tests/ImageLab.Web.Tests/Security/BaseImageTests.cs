using System.Net;
using System.Net.Http.Json;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Security;

/// <summary>Security:AllowedBaseImages limits the images a build may use, on the real app; a refusal names the line.</summary>
public sealed class BaseImageTests(BaseImageTests.BusyboxOnlyFactory factory) : IClassFixture<BaseImageTests.BusyboxOnlyFactory>
{
    [Theory]
    [InlineData("FROM debian:bookworm\nRUN true\n", "line 1 uses the image debian:bookworm")]
    [InlineData("FROM busybox:1.36 AS build\nRUN true\nFROM busybox:1.36\nCOPY --from=python:3.11-slim-bookworm /etc/os-release /x\n", "line 4 uses the image python:3.11-slim-bookworm")]
    [InlineData("ARG BASE=debian:12\nFROM $BASE\n", "line 2 uses the image debian:12")]
    public async Task Submit_ImageOutsideTheAllowedPatterns_IsRefusedNamingTheLine(string dockerfile, string expected)
    {
        // Arrange
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        using var response = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative),
            ExperimentUpload.FromFiles([("Dockerfile", dockerfile)], ("network", "true")));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("Security:AllowedBaseImages", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AllowedImageAndStages_IsAccepted()
    {
        // Arrange
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        using var response = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles(
            [("Dockerfile", "FROM busybox:1.36 AS build\nRUN true\nFROM scratch\nCOPY --from=build /bin/true /true\n")]));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>An app whose builds may use busybox images only.</summary>
    public sealed class BusyboxOnlyFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:AllowedBaseImages"] = "busybox:*, registry.internal/*" };
    }
}
