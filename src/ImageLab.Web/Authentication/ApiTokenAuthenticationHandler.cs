using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ImageLab.Data.Security;
using ImageLab.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Authentication;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> (and, on the hub, <c>?access_token=</c>, which is how SignalR sends it over
/// WebSockets). Every request is checked against the database, so a revoked token is refused from the next request on.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string TokenIdClaim = "imagelab:token";

    /// <summary>The scheme a request speaks: a token when it carries one, else the sign-in cookie.</summary>
    public static string SelectScheme(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReadToken(context.Request) is null ? IdentityConstants.ApplicationScheme : SchemeName;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("The token is not valid: it is unknown, was revoked, or its user is disabled.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.UserId),
            new(ClaimTypes.Name, caller.UserName),
            new(TokenIdClaim, caller.TokenId.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(caller.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }

        return request.Path.StartsWithSegments(HubEndpoints.BuildsPath, StringComparison.OrdinalIgnoreCase)
            && request.Query["access_token"].ToString() is { Length: > 0 } queryToken
            ? queryToken
            : null;
    }
}
