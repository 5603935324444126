using System.Net;
using System.Net.Http.Json;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>An unhandled failure answers with a generic sentence, even in Development: no stack trace, no connection string.</summary>
public sealed class ErrorResponseTests(ErrorResponseTests.UnreachableDatabaseFactory factory) : IClassFixture<ErrorResponseTests.UnreachableDatabaseFactory>
{
    private const string Password = "TopSecret-5e1f";

    [Fact]
    public async Task Api_DatabaseUnreachableInDevelopment_ProblemWithoutDetails()
    {
        // Act: checking the token is the first thing that needs the database
        using var client = factory.CreateClientWithToken("il_some-token");
        using var response = await client.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.StartsWith("Something failed inside ImageLab; it was logged with trace id ", problem!.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    public sealed class UnreachableDatabaseFactory : ImageLabWebFactory
    {
        protected override bool AuthenticateClients => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:ImageLab"] = $"Host=127.0.0.1;Port=1;Username=imagelab;Password={Password};Database=nowhere;Timeout=2",
            ["Database:MigrateOnStart"] = "false",
            ["Worker:Enabled"] = "false",
        };
    }
}
