using ImageLab.Web.Authentication;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImageLab.Web.Hosting;

/// <summary>
/// OpenTelemetry for ImageLab: the <see cref="ImageLabTelemetry"/> meter with ASP.NET Core's and the runtime's, scraped
/// at <c>/metrics</c>; when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or setting), metrics and the
/// iterations' traces are also pushed over OTLP (the exporter's other <c>OTEL_*</c> variables apply).
/// </summary>
public static class TelemetryHostingExtensions
{
    public const string MetricsPath = "/metrics";

    private const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddImageLabTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddImageLabMeters();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("imagelab"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ImageLabTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(ImageLabTelemetry.Name).AddAspNetCoreInstrumentation().AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// Maps <c>/metrics</c>: to admins, or to anyone with <c>Metrics:Access</c> Open, and to anyone on <c>Metrics:Port</c>.
    /// A process without sign-in (<c>--role worker</c>) serves it only when open or on its port.
    /// </summary>
    public static WebApplication MapImageLabMetrics(this WebApplication app, ProcessRole role)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Port > 0)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireHost($"*:{options.Port}").AllowAnonymous();
        }

        if (options.IsOpen)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        }
        else if (role.ServesWeb)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(ImageLabPolicies.Admins);
        }

        return app;
    }
}
