using ImageLab.Core.Experiments;
using ImageLab.Data.Stores;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Events;
using ImageLab.Worker.Pipeline;
using ImageLab.Worker.Queue;
using ImageLab.Worker.Suggestions;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Worker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The live event feed (always) and, unless <c>Worker:Enabled</c> is false, the build worker, the
    /// lease sweeper, the layer-analysis worker, image retention and the nightly retention sweep of contexts and logs.
    /// </summary>
    public static IServiceCollection AddBuildWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<ImageLabTelemetry>();
        services.AddHostedService<TelemetrySampler>();
        services.AddSingleton<BuildEventBroker>();
        services.AddSingleton<BuildEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BuildEventWriter>());
        services.AddSingleton<IBuildEventFeed, BuildEventFeed>();
        services.AddSingleton<RunningBuilds>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IExperimentObserver>(sp => sp.GetRequiredService<WorkSignal>());
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LayerAnalysisStep>();
        services.AddSingleton<AnalysisSignal>();
        services.AddSingleton<AnalysisWorker>();
        services.AddSingleton<IterationPipeline>();
        services.AddSingleton<SuggestionProver>();
        services.AddSingleton<BuildWorker>();
        services.AddSingleton<ImageRetention>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        if (configuration.GetValue($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.Enabled)}", defaultValue: true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<BuildWorker>());
            services.AddHostedService(sp => sp.GetRequiredService<AnalysisWorker>());
            services.AddHostedService(sp => sp.GetRequiredService<ImageRetention>());
            services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
        }

        return services;
    }
}
