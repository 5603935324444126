namespace ImageLab.Web.Hosting;

/// <summary>What makes the web front safe to expose: security headers, rate limits and exception answers without details.</summary>
public static class HardeningExtensions
{
    public static IServiceCollection AddImageLabHardening(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddRateLimiter(SubmissionRateLimit.Configure);
        return services;
    }

    /// <summary>Security headers and the exception handler go first, so that they cover every response.</summary>
    public static WebApplication UseImageLabHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        return app;
    }
}
