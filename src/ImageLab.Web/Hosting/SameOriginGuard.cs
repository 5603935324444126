using ImageLab.Web.Api;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hubs;

namespace ImageLab.Web.Hosting;

/// <summary>
/// Cross-site request forgery guard for what the sign-in cookie authenticates outside the pages' own forms (which carry
/// antiforgery tokens): a request to the API that changes something (any method but GET, HEAD, OPTIONS), or any request
/// to the hub, that would be signed in by the cookie (it carries no API token) is refused with a 403 problem when the
/// browser says it comes from another origin (<c>Origin</c>, else <c>Sec-Fetch-Site</c>). Programs send tokens and are
/// not concerned. Behind a proxy that changes the host, forward it (<c>X-Forwarded-Host</c>) so the origins compare.
/// </summary>
public static class SameOriginGuard
{
    public static WebApplication UseSameOriginForCookies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (CrossOriginCookieRequest(context) is { } refusal)
            {
                await Problems.Forbidden(refusal).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The sentence refusing the request, or null when it may go on.</summary>
    public static string? CrossOriginCookieRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var hub = request.Path.StartsWithSegments(HubEndpoints.BuildsPath, StringComparison.OrdinalIgnoreCase);
        var changesApi = request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (!(hub || changesApi) || ApiTokenAuthenticationHandler.SelectScheme(context) == ApiTokenAuthenticationHandler.SchemeName)
        {
            return null;
        }

        var expected = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, expected, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"A request signed in by the browser's cookie must come from ImageLab's own pages: its origin {origin} is not {expected}. Programs send an API token (Authorization: Bearer) instead.";
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none"
            ? null
            : $"A request signed in by the browser's cookie must come from ImageLab's own pages, and this one is {site}. Programs send an API token (Authorization: Bearer) instead.";
    }
}
