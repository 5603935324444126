using ImageLab.Web.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageLab.Web.Hosting;

/// <summary>The dashboard pages' own services: the sample library and the clock the pages read.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddImageLabDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SampleLibrary());
        return services;
    }
}
