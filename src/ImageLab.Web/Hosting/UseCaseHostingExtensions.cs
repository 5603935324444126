using ImageLab.Web.UseCases;

namespace ImageLab.Web.Hosting;

/// <summary>The use cases (<c>UseCases/</c>): the business actions that the REST API and the pages both call.</summary>
public static class UseCaseHostingExtensions
{
    public static IServiceCollection AddImageLabUseCases(this IServiceCollection services)
    {
        services.AddSingleton<ExperimentActions>();
        services.AddSingleton<EngineMaintenance>();
        services.AddSingleton<ExperimentAdvice>();
        services.AddSingleton<BaselineChooser>();
        services.AddSingleton<BaselineComparisons>();
        services.AddSingleton<IBaselineComparisons>(provider => provider.GetRequiredService<BaselineComparisons>());
        services.AddSingleton<ExperimentReports>();
        services.AddSingleton<IterationAnalyses>();
        services.AddSingleton<ISizeBlames>(provider => provider.GetRequiredService<IterationAnalyses>());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IterationSuggestions>();
        services.AddOptions<SuggestionOptions>().BindConfiguration(SuggestionOptions.SectionName).ValidateOnStart();
        return services;
    }
}
