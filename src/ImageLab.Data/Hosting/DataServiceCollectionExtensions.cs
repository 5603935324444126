using ImageLab.Core.Experiments;
using ImageLab.Data.Analysis;
using ImageLab.Data.Coordination;
using ImageLab.Data.Notifications;
using ImageLab.Data.Queue;
using ImageLab.Data.Security;
using ImageLab.Data.Sqlite;
using ImageLab.Data.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ImageLab.Data.Hosting;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "ImageLab";

    /// <summary>The embedded store's file in <c>Database:DataDirectory</c>.</summary>
    public const string SqliteFileName = "imagelab.db";

    /// <summary>
    /// The store: PostgreSQL when <c>ConnectionStrings:ImageLab</c> is set, else the embedded SQLite store in
    /// <c>Database:DataDirectory</c>. Either way a pooled context factory for Blazor Server and the worker, the
    /// queries and commands, and the queue; PostgreSQL also announces stored events to other processes.
    /// </summary>
    public static IServiceCollection AddImageLabData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var store = ResolveStore(configuration);
        services.AddSingleton(store);
        if (store.IsEmbedded)
        {
            services.AddPooledDbContextFactory<SqliteImageLabDbContext>(options => ConfigureSqlite(options, store.Location));
            services.AddSingleton<IDbContextFactory<ImageLabDbContext>, SqliteContextFactory>();
            services.AddSingleton<IBuildQueue, SqliteBuildQueue>();
            services.AddSingleton<AnalysisQueue, SqliteAnalysisQueue>();
            services.AddSingleton<IEngineImageLock, InProcessEngineImageLock>();
        }
        else
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName)!;
            services.AddPooledDbContextFactory<ImageLabDbContext>(options => ConfigureNpgsql(options, connectionString));
            services.AddSingleton<IEventNotifier, PostgresEventNotifier>();
            services.AddSingleton<IBuildQueue, PostgresBuildQueue>();
            services.AddSingleton<AnalysisQueue, PostgresAnalysisQueue>();
            services.AddSingleton<IEngineImageLock, PostgresEngineImageLock>();
        }

        services.AddSingleton<IExperimentQueries, ExperimentQueries>();
        services.AddSingleton<IExperimentCommands, ExperimentCommands>();
        services.AddSingleton<IterationStore>();
        services.AddSingleton<OperationsQueries>();
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<SuggestionStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<BaselineQueries>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Which store the configuration asks for. A connection string that is set must be a valid PostgreSQL one; without
    /// one, the embedded store's file is <c>imagelab.db</c> in <c>Database:DataDirectory</c>.
    /// </summary>
    public static DataStore ResolveStore(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new DataStore(DataStoreKind.Sqlite, Path.GetFullPath(Path.Combine(DataDirectory(configuration), SqliteFileName)));
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return new DataStore(DataStoreKind.PostgreSql, $"database '{builder.Database}' on {builder.Host}:{builder.Port}");
        }
        catch (ArgumentException e)
        {
            throw new OptionsValidationException(ConnectionStringName, typeof(DatabaseOptions),
                [$"ConnectionStrings:ImageLab is not a valid PostgreSQL connection string: {e.Message} (leave it unset to use the embedded SQLite store)."]);
        }
    }

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention();

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)SqlitePragmas.BusyTimeout.TotalSeconds,
        }.ConnectionString;
        options.UseSqlite(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqlitePragmas.Instance);
    }

    private static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.DataDirectory)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(localData)
            ? Path.Combine(AppContext.BaseDirectory, "data")
            : Path.Combine(localData, "ImageLab");
    }
}
