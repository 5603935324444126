using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using ImageLab.Worker.Analysis;
using ImageLab.Data.Events;
using ImageLab.Worker.Pipeline;
using ImageLab.Worker.Queue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Worker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The live event feed (always) and, unless <c>Worker:Enabled</c> is false, the build worker, the
    /// lease sweeper and image retention.
    /// </summary>
    public static IServiceCollection AddBuildWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BuildEventBroker>();
        services.AddSingleton<BuildEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BuildEventWriter>());
        services.AddSingleton<IBuildEventFeed, BuildEventFeed>();
        services.AddSingleton<RunningBuilds>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IExperimentObserver>(sp => sp.GetRequiredService<WorkSignal>());
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LayerAnalysisStep>();
        services.AddSingleton<AnalysisRecovery>();
        services.AddSingleton<IterationPipeline>();
        services.AddSingleton<BuildWorker>();
        services.AddSingleton<ImageRetention>();
        if (configuration.GetValue($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Enabled)}", defaultValue: true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<BuildWorker>());
            services.AddHostedService(sp => sp.GetRequiredService<ImageRetention>());
        }

        return services;
    }
}
