using ImageLab.Data.Stores;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Pipeline;
using ImageLab.Worker.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Worker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The build worker (its lease loops and sweeper), the layer analysis and image retention, for a process whose role
    /// runs builds. It posts to the live-event path of <c>AddImageLabLiveEvents</c>, which every role registers.
    /// </summary>
    public static IServiceCollection AddBuildWorker(this IServiceCollection services)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunningBuilds>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IExperimentObserver>(sp => sp.GetRequiredService<WorkSignal>());
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LayerAnalysisStep>();
        services.AddSingleton<AnalysisRecovery>();
        services.AddSingleton<IterationPipeline>();
        services.AddSingleton<BuildWorker>();
        services.AddSingleton<ImageRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<BuildWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ImageRetention>());
        return services;
    }
}
