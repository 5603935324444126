using System.Text.Json.Serialization;
using ImageLab.Web.Api;
using ImageLab.Web.Authentication;
using ImageLab.Web.Components;
using ImageLab.Web.Hubs;
using ImageLab.Web.Intake;
using MudBlazor;
using MudBlazor.Services;

namespace ImageLab.Web.Hosting;

/// <summary>The web app's own services and middleware: Blazor, MudBlazor, problem details, sign-in.</summary>
public static class WebHostingExtensions
{
    public static IServiceCollection AddImageLabWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<ExperimentIntake>();
        services.AddImageLabUseCases();
        services.AddImageLabOpenApi();
        services.AddImageLabHardening();
        return services;
    }

    public static WebApplication UseImageLabWeb(this WebApplication app)
    {
        app.UseImageLabHardening();
        app.UseSameOriginForCookies();
        app.UseStatusCodePages();
        app.UseImageLabAuthentication();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        return app;
    }

    /// <summary>The REST API, the external sign-in callback, the builds hub and the pages.</summary>
    public static WebApplication MapImageLabEndpoints(this WebApplication app)
    {
        app.MapExperimentsApi();
        app.MapDockerfilesApi();
        app.MapAnalysisApi();
        app.MapReportsApi();
        app.MapEngineApi();
        app.MapAuditApi();
        app.MapImageLabOpenApi();
        app.MapExternalSignIn();
        app.MapBuildsHub();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
