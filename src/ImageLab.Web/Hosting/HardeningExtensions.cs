namespace ImageLab.Web.Hosting;

/// <summary>What makes the web front safe to expose: security headers, rate limits and exception answers without details.</summary>
public static class HardeningExtensions
{
    public static IServiceCollection AddImageLabHardening(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRateLimiter(SubmissionRateLimit.Configure);
        services.AddImageLabProxy();
        return services;
    }

    /// <summary>The trusted proxies' forwarded headers, then security headers and the exception handler, so that they cover every response.</summary>
    public static WebApplication UseImageLabHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseImageLabProxy();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        return app;
    }
}
