using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;

namespace ImageLab.Web.Tests.Authentication;

/// <summary>
/// Every endpoint the app maps, read from its <see cref="EndpointDataSource"/> so that a new one cannot be forgotten:
/// without credentials the API and the hub answer 401 and pages send to sign-in; viewers get 403 wherever a role is needed.
/// </summary>
public sealed partial class EndpointAuthorizationTests(ImageLabWebFactory factory) : IClassFixture<ImageLabWebFactory>
{
    /// <summary>What anyone may reach: health, the sign-in pages, the identity provider's round trip (static assets aside).</summary>
    private static readonly HashSet<string> Anonymous =
        ["/healthz", "/account/login", "/account/logout", "/setup", "/account/external-login", "/account/external-callback"];

    /// <summary>What needs a role beyond being signed in; the test fails if one of them loses its policy.</summary>
    private static readonly HashSet<string> NeedsRole =
    [
        "POST /api/experiments/", "POST /api/experiments/{id:long}/cancel", "POST /api/experiments/{id:long}/iterations/{iterationId:long}/cancel",
        "GET /api/audit", "GET /api/engine/disk-usage", "POST /api/engine/prune-build-cache", "GET /experiments/new",
        "GET /admin/users", "GET /admin/audit", "GET /admin/engine",
    ];

    [Fact]
    public async Task EveryEndpoint_WithoutCredentials_401ForProgramsAndSignInForPages()
    {
        // Arrange
        using var anonymous = factory.CreateClientWithToken(null, followRedirects: false);
        var failures = new List<string>();

        // Act
        foreach (var (method, pattern, endpoint) in Endpoints())
        {
            var allowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || Anonymous.Contains(pattern))
            {
                continue;
            }

            if (allowsAnonymous)
            {
                failures.Add($"{method} {pattern} allows anonymous callers but is not in the allow-list.");
                continue;
            }

            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(pattern)));
            var isProgram = pattern.StartsWith("/api", StringComparison.Ordinal) || pattern.StartsWith("/hubs", StringComparison.Ordinal);
            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var toSignIn = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
            var ok = isProgram ? response.StatusCode == HttpStatusCode.Unauthorized
                : isPage ? toSignIn
                : toSignIn || response.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok)
            {
                failures.Add($"{method} {pattern} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        // Assert
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Api_WithoutCredentials_ProblemThatSaysHow()
    {
        // Arrange
        using var anonymous = factory.CreateClientWithToken(null, followRedirects: false);

        // Act
        using var response = await anonymous.GetAsync(new Uri("/api/experiments", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Authorization: Bearer", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleEndpoints_AsViewer_403WithSentence()
    {
        // Arrange
        using var viewer = factory.CreateClientWithToken(await factory.CreateTokenAsync(ImageLabRoles.Viewer), followRedirects: false);
        var found = new HashSet<string>();
        var failures = new List<string>();

        // Act
        foreach (var (method, pattern, endpoint) in Endpoints())
        {
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (!authorize.Any(a => a.Policy is not null || a.Roles is not null))
            {
                continue;
            }

            found.Add($"{method} {pattern}");
            using var response = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(pattern)));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {pattern} answered {(int)response.StatusCode} to a viewer");
            }
            else if (pattern.StartsWith("/api", StringComparison.Ordinal)
                && (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail?.Contains("viewer", StringComparison.Ordinal) != true)
            {
                failures.Add($"{method} {pattern} refused a viewer without saying why");
            }
        }

        // Assert
        Assert.Empty(failures);
        Assert.Empty(NeedsRole.Except(found));
    }

    [Fact]
    public async Task Hub_TokenInQueryString_Negotiates()
    {
        // Arrange
        using var anonymous = factory.CreateClientWithToken(null);
        var token = await factory.CreateTokenAsync(ImageLabRoles.Viewer);

        // Act
        using var withToken = await anonymous.PostAsync(new Uri($"/hubs/builds/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);
        using var withBadToken = await anonymous.PostAsync(new Uri("/hubs/builds/negotiate?negotiateVersion=1&access_token=il_nope", UriKind.Relative), null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken.StatusCode);
    }

    private IEnumerable<(string Method, string Pattern, RouteEndpoint Endpoint)> Endpoints()
    {
        foreach (var endpoint in factory.GetService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var method = methods is { Count: > 0 } ? methods[0] : pattern.EndsWith("/negotiate", StringComparison.Ordinal) ? "POST" : "GET";
            yield return (method, pattern, endpoint);
        }
    }

    private static Uri Url(string pattern) =>
        new(Parameter().Replace(pattern, match => match.Value.Contains("**", StringComparison.Ordinal) ? "x.txt" : match.Value.Contains(":long", StringComparison.OrdinalIgnoreCase) ? "1" : "x"),
            UriKind.Relative);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
