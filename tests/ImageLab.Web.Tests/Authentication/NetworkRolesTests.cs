using System.Net;
using System.Net.Http.Json;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>Security:NetworkRoles decides who may give builds network; everyone else's request is refused with a sentence.</summary>
public sealed class NetworkRolesTests(NetworkRolesTests.AdminsOnlyFactory factory) : IClassFixture<NetworkRolesTests.AdminsOnlyFactory>
{
    private static readonly (string Path, string Text)[] Files = [("Dockerfile", "FROM busybox:1.36\nRUN true\n")];

    [Fact]
    public async Task Submit_MemberAsksForNetworkWhereOnlyAdminsMay_Is403NamingTheSetting()
    {
        // Arrange
        using var member = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Member));

        // Act
        using var withNetwork = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles(Files, ("network", "true")));
        var problem = await withNetwork.Content.ReadFromJsonAsync<ProblemDetails>();
        using var withoutNetwork = await member.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles(Files));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, withNetwork.StatusCode);
        Assert.Contains("Security:NetworkRoles allows it to admin", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, withoutNetwork.StatusCode);
    }

    [Fact]
    public async Task Submit_AdminAsksForNetwork_IsAccepted()
    {
        // Arrange
        using var admin = factory.CreateClientWithToken(factory.AdminToken);

        // Act
        using var response = await admin.PostAsync(new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles(Files, ("network", "true")));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>An app whose builds may have network only when an admin asks.</summary>
    public sealed class AdminsOnlyFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:NetworkRoles"] = ImageLabRoles.Admin };
    }
}
