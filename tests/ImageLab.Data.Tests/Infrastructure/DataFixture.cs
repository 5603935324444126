using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers;
using ImageLab.Data.Entities;
using ImageLab.Data.Hosting;
using ImageLab.Data.Queue;
using ImageLab.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ImageLab.Data.Tests.Infrastructure;

/// <summary>
/// The data layer's services over a fresh, migrated store, PostgreSQL or the embedded SQLite; <paramref name="clock"/>
/// replaces the system clock they read.
/// </summary>
public sealed class DataFixture(TestStoreKind kind, TimeProvider? clock = null) : IAsyncLifetime
{
    private TestStore? _store;
    private ServiceProvider? _services;

    public TestStoreKind Kind => kind;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public IExperimentCommands Commands => Services.GetRequiredService<IExperimentCommands>();

    public IExperimentQueries Queries => Services.GetRequiredService<IExperimentQueries>();

    public IBuildQueue Queue => Services.GetRequiredService<IBuildQueue>();

    public AnalysisQueue AnalysisQueue => Services.GetRequiredService<AnalysisQueue>();

    public IDbContextFactory<ImageLabDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<ImageLabDbContext>>();

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(kind);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_store.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment());
        services.AddLogging();
        services.AddImageLabData(configuration);
        if (clock is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(clock));
        }

        _services = services.BuildServiceProvider();
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Submits an experiment of <paramref name="iterations"/> tiny Dockerfiles with a small context.</summary>
    public async Task<long> SubmitAsync(int iterations = 1, string project = "queue-tests", byte[]? context = null, string submittedBy = "tester")
    {
        var submission = new ExperimentSubmission
        {
            Name = "test",
            Project = project,
            SubmittedBy = submittedBy,
            Builder = BuilderKind.BuildKit,
            Iterations = Enumerable.Range(1, iterations)
                .Select(i => new IterationSubmission($"v{i}", $"Dockerfile.v{i}", "FROM busybox\n"))
                .ToList(),
        };
        using var stream = new MemoryStream(context ?? [1, 2, 3]);
        return await Commands.SubmitAsync(submission, stream, CancellationToken.None);
    }

    /// <summary>
    /// Submits an experiment of <paramref name="count"/> iterations and queues each one's layer analysis, as a build that
    /// succeeds does; returns the iterations' ids in the analysis queue's order.
    /// </summary>
    public async Task<IReadOnlyList<long>> QueueAnalysesAsync(int count)
    {
        var experimentId = await SubmitAsync(iterations: count, project: "analysis-queue-tests");
        await using var db = await Contexts.CreateDbContextAsync();
        var ids = await db.Iterations.Where(i => i.ExperimentId == experimentId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        db.IterationAnalyses.AddRange(ids.Select(id => new IterationAnalysis { IterationId = id, Status = AnalysisStatus.Queued, AnalyzedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return ids;
    }
}
