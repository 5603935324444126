namespace ImageLab.Web.Hosting;

/// <summary>
/// Headers every response carries. The Content-Security-Policy is what Blazor Server and MudBlazor need and no
/// more: scripts from this origin only (no inline script, no eval), inline styles (MudBlazor sets style
/// attributes and theme variables), the circuit's WebSocket to this host, and no framing by anyone.
/// </summary>
internal static class SecurityHeaders
{
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var socket = request.IsHttps ? "wss" : "ws";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + $"connect-src 'self' {socket}://{request.Host.Value}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(http.Request);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
