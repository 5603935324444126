using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Data.Notifications;
using ImageLab.Data.Queue;
using ImageLab.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ImageLab.Data.Hosting;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "ImageLab";

    /// <summary>
    /// The PostgreSQL store (<c>ConnectionStrings:ImageLab</c>): a pooled context factory for Blazor
    /// Server and the worker, the queries and commands, and the queue.
    /// </summary>
    public static IServiceCollection AddImageLabData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = ReadConnectionString(configuration);
        services.AddPooledDbContextFactory<ImageLabDbContext>(options => ConfigureNpgsql(options, connectionString));
        services.AddSingleton<IExperimentQueries, ExperimentQueries>();
        services.AddSingleton<IExperimentCommands, ExperimentCommands>();
        services.AddSingleton<IterationStore>();
        services.AddSingleton<IEventNotifier, PostgresEventNotifier>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<IBuildQueue, PostgresBuildQueue>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention();

    private static string ReadConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(DatabaseOptions),
                ["ConnectionStrings:ImageLab is not set: give it a PostgreSQL connection string, e.g. 'Host=localhost;Username=imagelab;Password=...;Database=imagelab'."]);
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(DatabaseOptions),
                [$"ConnectionStrings:ImageLab is not a valid PostgreSQL connection string: {e.Message}"]);
        }

        return connectionString;
    }
}
