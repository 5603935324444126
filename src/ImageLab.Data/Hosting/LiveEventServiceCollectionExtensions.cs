using ImageLab.Core.Experiments;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImageLab.Data.Hosting;

public static class LiveEventServiceCollectionExtensions
{
    /// <summary>
    /// The live-event path, the same in every role: the writer that stores events and then publishes them, the broker,
    /// the feed that pages and the hub read, and the queue changes no worker announces (an appended iteration, the end of
    /// iterations cancelled before they started). A process that
    /// serves watchers (<paramref name="relayOtherProcesses"/>) on the shared PostgreSQL store also passes on the
    /// events other processes stored; on the embedded store there are no other processes.
    /// </summary>
    public static IServiceCollection AddImageLabLiveEvents(this IServiceCollection services, IConfiguration configuration, bool relayOtherProcesses)
    {
        services.AddSingleton<BuildEventBroker>();
        services.AddSingleton<BuildEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BuildEventWriter>());
        services.AddSingleton<IBuildEventFeed, BuildEventFeed>();
        services.AddSingleton<ExperimentEndWaiter>();
        services.AddSingleton<IExperimentObserver, QueueChangeEvents>();
        if (relayOtherProcesses && !DataServiceCollectionExtensions.ResolveStore(configuration).IsEmbedded)
        {
            services.AddHostedService<CrossProcessEventRelay>();
        }

        return services;
    }
}
