namespace ImageLab.Web.Hosting;

/// <summary>
/// HEAD is GET without the body (RFC 9110 §9.3.2), but minimal-API and Blazor endpoints match GET only: a monitor's
/// <c>HEAD /healthz</c> found no endpoint, fell to the sign-in redirect, and <c>HEAD /account/login</c> redirected to
/// itself until the URL was too long (414).
/// </summary>
public static class HeadRequestExtensions
{
    /// <summary>
    /// Routes HEAD requests as GET, so they get the same status and headers; Kestrel still knows the request was HEAD
    /// and sends no body. Call before anything that routes (it calls <c>UseRouting</c> itself).
    /// </summary>
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        app.UseRouting();
        return app;
    }
}
