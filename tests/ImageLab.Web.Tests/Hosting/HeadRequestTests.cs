using System.Net;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>
/// Monitors probe with HEAD: the real app (Kestrel, as users run it) answers HEAD with the status and redirect GET gets,
/// and no body. Before, <c>HEAD /healthz</c> and <c>HEAD /setup</c> went to sign-in and <c>HEAD /account/login</c>
/// redirected to itself until 414.
/// </summary>
public sealed class HeadRequestTests
{
    [Fact]
    public async Task Head_HealthSetupSignInAndHome_AnswersAsGetWithoutBody()
    {
        // Arrange: an app with an admin (so /setup is closed), asked without credentials and without following redirects.
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        string[] paths = ["/healthz", "/setup", "/account/login", "/"];

        foreach (var path in paths)
        {
            // Act
            using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative)));
            var headBody = await head.Content.ReadAsByteArrayAsync();

            // Assert
            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path} answered {(int)head.StatusCode} {head.Headers.Location}; GET answered {(int)get.StatusCode} {get.Headers.Location}.");
            Assert.Equal(get.Headers.Location, head.Headers.Location);
            Assert.Empty(headBody);
        }

        using var health = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/healthz", UriKind.Relative)));
        using var login = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/account/login", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
