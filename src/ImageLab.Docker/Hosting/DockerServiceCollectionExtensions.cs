using ImageLab.Docker.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImageLab.Docker.Hosting;

public static class DockerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDockerEngine"/> (one per process, for the configured endpoint) and the
    /// <c>Docker</c> options, validated at start: a bad endpoint or certificate folder stops the app
    /// with a sentence naming the setting.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The configuration to bind the <c>Docker</c> section from; when null, the app's
    /// <see cref="IConfiguration"/> is used.
    /// </param>
    public static IServiceCollection AddImageLabDocker(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DockerOptions>();
        if (configuration is null)
        {
            options.BindConfiguration(DockerOptions.SectionName);
        }
        else
        {
            options.Bind(configuration.GetSection(DockerOptions.SectionName));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerOptions>, DockerOptionsValidator>());
        services.TryAddSingleton<IDockerEngine>(sp => new DockerEngine(
            sp.GetRequiredService<IOptions<DockerOptions>>().Value,
            sp.GetService<ILogger<DockerEngine>>() ?? NullLogger<DockerEngine>.Instance));
        return services;
    }
}
