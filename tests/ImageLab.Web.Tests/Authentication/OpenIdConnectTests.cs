using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using ImageLab.Testing;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// OpenID Connect by configuration, against a provider that serves its discovery document on loopback (no identity
/// provider is reachable here): the sign-in page offers it, and its button sends the browser to the provider's
/// authorization endpoint with a PKCE code request for ImageLab's client id.
/// </summary>
public sealed partial class OpenIdConnectTests
{
    [Fact]
    public async Task SignIn_ProviderConfigured_ButtonRedirectsToTheAuthorizationEndpointWithPkce()
    {
        // Arrange
        await using var provider = DiscoveryProvider.Start();
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await AppProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["Authentication:OpenIdConnect:Authority"] = provider.Authority,
            ["Authentication:OpenIdConnect:ClientId"] = "imagelab-test",
            ["Authentication:OpenIdConnect:DisplayName"] = "Team SSO",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };

        // Act
        var page = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = ExternalForm().Match(page).Groups[1].Value;
        using var challenge = await browser.PostAsync(new Uri("/account/external-login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["returnUrl"] = "/",
        }));

        // Assert
        Assert.Contains("Sign in with Team SSO", page, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(antiforgery), "The provider's form carries no antiforgery token.");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal(provider.Authority + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("imagelab-test", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.Equal(new Uri(app.BaseAddress, "/signin-oidc"), new Uri(query["redirect_uri"]!));
        Assert.Contains("openid", query["scope"]!.Split(' '));
    }

    [GeneratedRegex("action=\"account/external-login\"[^>]*>.*?name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex ExternalForm();

    /// <summary>The discovery document and an empty key set of a provider at http://127.0.0.1:PORT.</summary>
    private sealed class DiscoveryProvider : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _serving;

        private DiscoveryProvider(HttpListener listener, string authority)
        {
            _listener = listener;
            Authority = authority;
            _serving = ServeAsync();
        }

        public string Authority { get; }

        public static DiscoveryProvider Start()
        {
            for (var attempt = 0; ; attempt++)
            {
                var authority = $"http://127.0.0.1:{Random.Shared.Next(20_000, 60_000)}";
                var listener = new HttpListener();
                listener.Prefixes.Add(authority + "/");
                try
                {
                    listener.Start();
                    return new DiscoveryProvider(listener, authority);
                }
                catch (HttpListenerException) when (attempt < 10)
                {
                    listener.Close();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                var body = context.Request.Url!.AbsolutePath switch
                {
                    "/.well-known/openid-configuration" => $$"""
                        {"issuer":"{{Authority}}","authorization_endpoint":"{{Authority}}/authorize","token_endpoint":"{{Authority}}/token",
                         "userinfo_endpoint":"{{Authority}}/userinfo","jwks_uri":"{{Authority}}/jwks","response_types_supported":["code"],
                         "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                         "code_challenge_methods_supported":["S256"]}
                        """,
                    "/jwks" => """{"keys":[]}""",
                    _ => null,
                };
                context.Response.StatusCode = body is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body ?? "{}"));
                context.Response.Close();
            }
        }
    }
}
