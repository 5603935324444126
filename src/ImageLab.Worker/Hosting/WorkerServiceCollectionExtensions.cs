using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Pipeline;
using ImageLab.Worker.Queue;
using ImageLab.Worker.Suggestions;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageLab.Worker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// The build worker (its lease loops and sweeper), the layer-analysis worker, image retention and the nightly
    /// retention sweep of contexts and logs, for a process whose role runs builds. It posts to the live-event path of
    /// <c>AddImageLabLiveEvents</c>, which every role registers.
    /// </summary>
    public static IServiceCollection AddBuildWorker(this IServiceCollection services)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddImageLabMeters();
        services.AddSingleton<RunningBuilds>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<IExperimentObserver>(sp => sp.GetRequiredService<WorkSignal>());
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LayerAnalysisStep>();
        services.AddSingleton<AnalysisSignal>();
        services.AddSingleton<AnalysisWorker>();
        services.AddSingleton<EngineImageGate>();
        services.AddSingleton<IterationPipeline>();
        services.AddSingleton<SuggestionProver>();
        services.AddSingleton<SuggestionChecker>();
        services.AddOptions<SuggestionCheckOptions>().BindConfiguration(SuggestionCheckOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BuildWorker>();
        services.AddSingleton<ImageRetention>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<BuildWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<AnalysisWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<ImageRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
        return services;
    }

    /// <summary>
    /// ImageLab's meter and spans (<see cref="ImageLabTelemetry"/>), the sampler of queue depth and engine health, and
    /// the live events' lag: every role registers them (twice is harmless).
    /// </summary>
    public static IServiceCollection AddImageLabMeters(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ImageLabTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPublishedEventsObserver, ImageLabTelemetry>(sp => sp.GetRequiredService<ImageLabTelemetry>()));
        services.AddHostedService<TelemetrySampler>();
        return services;
    }
}
