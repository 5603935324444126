using System.Net;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Hosting;

/// <summary>
/// The real app (Kestrel, reached from 127.0.0.1) behind a TLS-terminating proxy: with 127.0.0.1 in Proxy:KnownProxies its
/// X-Forwarded-Proto and -Host are believed (redirects go to https://the-public-host, HTTPS answers carry
/// Strict-Transport-Security, cookies are Secure); with another proxy trusted, the same headers from 127.0.0.1 change nothing.
/// </summary>
public sealed class ProxyTests
{
    private const string PublicHost = "imagelab.example";

    [Theory]
    [InlineData("127.0.0.1", "")]
    [InlineData("", "127.0.0.0/8")]
    public async Task Request_FromTrustedProxy_UsesForwardedSchemeAndHost(string knownProxies, string knownNetworks)
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString,
            new Dictionary<string, string> { ["Proxy:KnownProxies"] = knownProxies, ["Proxy:KnownNetworks"] = knownNetworks });

        // Act
        var (redirect, signIn) = await RequestThroughProxyAsync(app);

        // Assert
        Assert.StartsWith($"https://{PublicHost}/account/login", redirect.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("max-age=31536000", redirect.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Request_FromUntrustedAddress_IgnoresForwardedHeaders()
    {
        // Arrange
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Proxy:KnownProxies"] = "10.9.8.7" });

        // Act
        var (redirect, signIn) = await RequestThroughProxyAsync(app);

        // Assert
        Assert.StartsWith($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/account/login", redirect.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(redirect.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    // An anonymous page request (sent to sign-in) and the sign-in page (which sets the antiforgery cookie), as a proxy forwards them.
    private static async Task<(HttpResponseMessage Redirect, HttpResponseMessage SignIn)> RequestThroughProxyAsync(AppProcess app)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", PublicHost);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var redirect = await client.GetAsync(new Uri("/", UriKind.Relative));
        var signIn = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return (redirect, signIn);
    }
}
