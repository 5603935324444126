using System.Security.Claims;
using ImageLab.Web.Hosting;
using ImageLab.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ImageLab.Web.Authentication;

/// <summary>
/// Programs get answers, not the sign-in page: on <c>/api</c>, the OpenAPI document, the hub and <c>/metrics</c> a missing or bad credential is a 401 problem
/// and a missing role a 403 problem, each with a sentence. Pages keep the cookie's redirects to sign-in.
/// </summary>
public sealed class ApiAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();

    public static bool IsProgramPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(HubEndpoints.BuildsPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(TelemetryHostingExtensions.MetricsPath, StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || !IsProgramPath(context.Request.Path))
        {
            await _pages.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // The handler caches its result for the request, so this reads why a token was refused without checking it again.
            var failure = (await context.AuthenticateAsync()).Failure?.Message;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required.",
                failure ?? "Send an API token as 'Authorization: Bearer <token>' (the hub also takes it as ?access_token=), or sign in.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed.", ForbiddenSentence(context.User, policy));
    }

    internal static string ForbiddenSentence(ClaimsPrincipal user, AuthorizationPolicy policy)
    {
        var allowed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var who = $"{user.Identity?.Name ?? "This user"} ({(roles.Count == 0 ? "no role" : string.Join(", ", roles))})";
        return allowed.Count == 0
            ? $"{who} may not do this."
            : $"{who} may not do this: it needs the role {string.Join(" or ", allowed)}. Viewers can read everything but cannot submit, cancel or administer.";
    }

    private Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
