using System.Formats.Tar;
using ImageLab.Core.Builds;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Data;
using ImageLab.Data.Analysis;
using ImageLab.Data.Events;
using ImageLab.Data.Hosting;
using ImageLab.Data.Queue;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using ImageLab.Testing;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImageLab.Worker.Tests.Analysis;

/// <summary>
/// The real pipeline (build, measure, store, analyze) against the test engine and a fresh database, without the
/// background workers: tests submit the sample ladder's Dockerfiles and run each iteration to its end, then (unless
/// told not to) every analysis the builds queued.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private const string Owner = "analysis-tests";
    private readonly ServiceProvider _services;

    private PipelineHarness(TestStore store, ServiceProvider services)
    {
        Store = store;
        _services = services;
    }

    public TestStore Store { get; }

    public AnalysisStore Analyses => _services.GetRequiredService<AnalysisStore>();

    /// <summary>The analysis worker, without its background loops: tests run its <see cref="AnalysisWorker.RunNextAsync"/>.</summary>
    public AnalysisWorker Analysis => _services.GetRequiredService<AnalysisWorker>();

    public AnalysisQueue AnalysisQueue => _services.GetRequiredService<AnalysisQueue>();

    public IExperimentQueries Queries => _services.GetRequiredService<IExperimentQueries>();

    public IDbContextFactory<ImageLabDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<ImageLabDbContext>>();

    /// <summary>Any of the pipeline's services, as the app registers them.</summary>
    public T GetService<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <param name="engineDecorator">Wraps the real engine (e.g. to corrupt the save stream); null uses it as it is.</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="store">The store the pipeline writes to (a fresh one).</param>
    public static async Task<PipelineHarness> StartAsync(
        Func<IDockerEngine, IDockerEngine>? engineDecorator = null,
        IDictionary<string, string?>? settings = null,
        TestStoreKind store = TestStoreKind.PostgreSql)
    {
        var testStore = await TestStore.CreateAsync(store, "imagelab_analysis");
        var values = new Dictionary<string, string?>(testStore.Settings)
        {
            ["Docker:Endpoint"] = TestEnvironment.DockerEndpoint,
            ["Docker:NetworkMode"] = "host",
            ["Worker:KeepImagesOfLatestExperiments"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostApplicationLifetime, TestLifetime>();
        services.AddImageLabData(configuration);
        services.AddImageLabDocker();
        services.AddImageLabLiveEvents(configuration, relayOtherProcesses: false);
        services.AddBuildWorker();
        if (engineDecorator is not null)
        {
            var real = services.Last(d => d.ServiceType == typeof(IDockerEngine));
            services.Remove(real);
            services.AddSingleton(sp => engineDecorator((IDockerEngine)(real.ImplementationFactory?.Invoke(sp)
                ?? real.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
        }

        var provider = services.BuildServiceProvider(validateScopes: true);
        await using (var db = await provider.GetRequiredService<IDbContextFactory<ImageLabDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        // The pipeline waits for its events to be stored before it stores an iteration's end, as in the app.
        await provider.GetRequiredService<BuildEventWriter>().StartAsync(CancellationToken.None);
        return new PipelineHarness(testStore, provider);
    }

    /// <summary>Submits Dockerfiles of samples/python-offline as one experiment and runs every iteration, in order.</summary>
    public Task<ExperimentDetails> BuildLadderAsync(params string[] dockerfiles) =>
        // The ladder installs its Python packages with apt-get.
        BuildSampleAsync("python-offline", "analysis-tests", BuilderKind.Classic, requestsNetwork: true, dockerfiles);

    /// <summary>Submits Dockerfiles of one folder of samples/ as one experiment and runs every iteration, in order.</summary>
    /// <remarks>Image tags are <c>imagelab/PROJECT:EXPERIMENT-ORDINAL</c> and each harness numbers from 1: tests that share an engine use their own project.</remarks>
    public async Task<ExperimentDetails> BuildSampleAsync(string sample, string project, BuilderKind builder, bool requestsNetwork, params string[] dockerfiles)
    {
        var folder = Path.Combine(TestEnvironment.SamplesFolder, sample);
        using var context = new MemoryStream();

        // Plain ustar, as the intake writes contexts: Docker 20.10's BuildKit reads a PAX header as the Dockerfile.
        await using (var writer = new TarWriter(context, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                await writer.WriteEntryAsync(file, Path.GetFileName(file));
            }
        }

        context.Position = 0;
        var submission = new ExperimentSubmission
        {
            Name = $"{sample} ladder",
            Project = project,
            SubmittedBy = "tests",
            Builder = builder,
            RequestsNetwork = requestsNetwork,
            Iterations = dockerfiles.Select(f => new IterationSubmission(f, f, File.ReadAllText(Path.Combine(folder, f)))).ToList(),
        };
        return await SubmitAndRunAsync(submission, context);
    }

    /// <summary>The pipeline's image retention, as its background loop runs it.</summary>
    public ImageLab.Worker.Queue.ImageRetention Retention => _services.GetRequiredService<ImageLab.Worker.Queue.ImageRetention>();

    /// <summary>
    /// Submits one Dockerfile (in a context of <paramref name="contextFiles"/>, by name, or else empty) as an experiment
    /// and runs it to its end: its build, and with <paramref name="analyze"/> every analysis in the queue.
    /// </summary>
    public async Task<ExperimentDetails> BuildDockerfileAsync(
        string dockerfile,
        BuilderKind builder,
        IReadOnlyDictionary<string, string>? buildArgs = null,
        IReadOnlyList<string>? secretBuildArgs = null,
        bool requestsNetwork = false,
        bool analyze = true,
        string project = "sandbox-tests",
        IReadOnlyDictionary<string, byte[]>? contextFiles = null)
    {
        using var context = new MemoryStream();
        await using (var writer = new TarWriter(context, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var files = (contextFiles ?? new Dictionary<string, byte[]>()).Append(new("Dockerfile", System.Text.Encoding.UTF8.GetBytes(dockerfile)));
            foreach (var (name, content) in files)
            {
                await writer.WriteEntryAsync(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            }
        }

        context.Position = 0;
        var submission = new ExperimentSubmission
        {
            Name = "sandbox",
            Project = project,
            SubmittedBy = "tests",
            Builder = builder,
            BuildArgs = buildArgs ?? new Dictionary<string, string>(),
            SecretBuildArgs = secretBuildArgs ?? [],
            RequestsNetwork = requestsNetwork,
            Iterations = [new IterationSubmission("Dockerfile", "Dockerfile", dockerfile)],
        };
        return await SubmitAndRunAsync(submission, context, analyze);
    }

    /// <summary>The types of the iteration's stored events, in order.</summary>
    public async Task<IReadOnlyList<BuildEventType>> ReadEventTypesAsync(ExperimentDetails experiment, IterationDetails iteration)
    {
        await FlushEventsAsync();

        var store = _services.GetRequiredService<EventStore>();
        var types = new List<BuildEventType>();
        var after = 0L;
        while (await store.ReadAfterAsync(experiment.Id, after, 1000, CancellationToken.None) is { Count: > 0 } page)
        {
            types.AddRange(page.Where(e => e.IterationId == iteration.Id).Select(e => e.Type));
            after = page[^1].Sequence;
        }

        return types;
    }

    /// <summary>The iteration's stored log, line by line.</summary>
    public async Task<IReadOnlyList<string>> ReadLogAsync(ExperimentDetails experiment, IterationDetails iteration)
    {
        await FlushEventsAsync();

        var lines = new List<string>();
        var log = await Queries.OpenLogAsync(experiment.Id, iteration.Id, CancellationToken.None);
        Assert.NotNull(log);
        await foreach (var line in log)
        {
            lines.Add(line);
        }

        return lines;
    }

    private async Task FlushEventsAsync()
    {
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _services.GetRequiredService<BuildEventWriter>().FlushAsync(flush.Token);
    }

    /// <summary>Runs every analysis waiting in the queue, one after the other; returns how many ran.</summary>
    public async Task<int> RunAnalysesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ran = 0;
        while (await Analysis.RunNextAsync(timeout.Token))
        {
            ran++;
        }

        return ran;
    }

    /// <summary>
    /// Appends ImageLab's suggestion for an iteration (the slim variants of its base allowed, as when the engine holds them)
    /// and runs it to its end: the suggested build, its ablations and their measured savings.
    /// </summary>
    public async Task<IterationDetails> SuggestAndRunAsync(long experimentId, IterationDetails source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = new DockerfileRewriteOptions
        {
            AllowedBaseImages = NetworkReach.ImagesOf(DockerfileParser.Parse(source.DockerfileText))
                .SelectMany(i => SmallerBaseRewrite.SlimVariants(i.Image)).ToHashSet(StringComparer.Ordinal),
        };
        var suggestion = new DockerfileRewriter().Suggest(source.DockerfileText, options);
        var id = await _services.GetRequiredService<SuggestionStore>().AddAsync(source.Id, suggestion, CancellationToken.None);
        var experiment = await RunQueuedAsync(experimentId, analyze: false);
        return experiment.Iterations.Single(i => i.Id == id);
    }

    private async Task<ExperimentDetails> SubmitAndRunAsync(ExperimentSubmission submission, Stream context, bool analyze = true)
    {
        var id = await _services.GetRequiredService<IExperimentCommands>().SubmitAsync(submission, context, CancellationToken.None);
        return await RunQueuedAsync(id, analyze);
    }

    private async Task<ExperimentDetails> RunQueuedAsync(long experimentId, bool analyze)
    {
        var queue = _services.GetRequiredService<IBuildQueue>();
        var pipeline = _services.GetRequiredService<IterationPipeline>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (await queue.ClaimNextAsync(Owner, TimeSpan.FromSeconds(60), timeout.Token) is { } iterationId)
        {
            Assert.True(await pipeline.RunAsync(iterationId, Owner, timeout.Token), "The engine could not be reached.");
        }

        if (analyze)
        {
            await RunAnalysesAsync();
        }

        return (await Queries.GetExperimentAsync(experimentId, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<BuildEventWriter>().StopAsync(CancellationToken.None);

        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }

    private sealed class TestLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
