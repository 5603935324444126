using System.Diagnostics;
using System.Globalization;
using ImageLab.Core.Builds;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;
using ImageLab.Core.Formatting;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;
using ImageLab.Data.Events;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Analysis;

/// <summary>
/// The pipeline's analyze step, after the build's measurements are stored: streams <c>docker save</c> through the
/// <see cref="ImageSaveAnalyzer"/> (never the whole image in memory) with the store's DiffID cache, so a layer
/// shared by a ladder is read once; when every DiffID is cached already, the image is not even saved. Persists the
/// result, or the reason it failed: the iteration stays Succeeded with its build results either way.
/// <para>
/// Push sizes are estimated with .NET's gzip (zlib-ng) in parallel 4 MiB chunks at level 5 by default
/// (<c>Analysis:CompressionLevel</c>), which matches the level 6 of Go's gzip the engine pushes with (see
/// <see cref="GzipCompressedSizeEstimator"/>). The worker tests check it within 2% against the registry on every run.
/// </para>
/// </summary>
public sealed partial class LayerAnalysisStep(
    IDockerEngine engine,
    AnalysisStore store,
    BuildEventWriter events,
    ImageLabTelemetry telemetry,
    IHostApplicationLifetime lifetime,
    IOptions<AnalysisOptions> options,
    ILogger<LayerAnalysisStep> logger)
{
    /// <summary>
    /// Analyzes the iteration's image under the analysis lease of <paramref name="owner"/> and stores the outcome: the
    /// files and the waste first (stored, then announced with an <see cref="BuildEventType.Analyzed"/> event), the push
    /// sizes after (stored and announced again), so that the analysis page fills at the pace of reading the image. On the
    /// containerd store the push sizes are the blobs' own and come in the first read. Returns true when the outcome is
    /// stored (succeeded or failed), false when the app stopped first (the analysis waits for the next worker). Throws
    /// only for cancellation of <paramref name="cancellationToken"/>; it also stops when <c>Analysis:TimeoutMinutes</c> passes.
    /// </summary>
    public async Task<bool> RunAsync(BuildJob job, IterationMeasurement measurement, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(measurement);
        var settings = options.Value;
        using var trace = telemetry.StartAnalysis(job);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(settings.TimeoutMinutes));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, lifetime.ApplicationStopping);
        // One read does it all where push sizes cost nothing: the containerd store's blobs, or every layer cached with its own.
        var pushSizeAfter = settings.EstimateCompressedSize && !PushesBlobsAsStored(measurement)
            && !await HoldsEveryLayerWithPushSizeAsync(measurement, linked.Token);
        events.Post(job.ExperimentId, job.IterationId, BuildEventType.Log,
            text: pushSizeAfter ? "Analyzing the image's layers (files and waste, then push size)..." : "Analyzing the image's layers...");
        var pass = new Pass(job, measurement, owner, settings, timeout);
        var stored = await RunPassAsync(pass, estimate: settings.EstimateCompressedSize && !pushSizeAfter, failureEndsIt: true, linked.Token);
        if (stored is not true || !pushSizeAfter)
        {
            return stored is not null;
        }

        return await RunPassAsync(pass, estimate: true, failureEndsIt: false, linked.Token) is not null;
    }

    /// <summary>
    /// The image's size by ImageLab's one definition (<see cref="LayerAnalysis.FileSystemBytes"/>), for engines whose own
    /// numbers mean something else: the containerd image store reports compressed content as the image's size and disk
    /// blocks per history row. Reads each layer once (the DiffID cache, else <c>docker save</c>), so the analysis that
    /// follows finds every layer cached and saves nothing. Every history row that wrote a layer gets that layer's bytes.
    /// </summary>
    /// <exception cref="ImageAnalysisException">The layers could not be read or matched to the history; the sentence says why.</exception>
    public async Task<IterationMeasurement> MeasureFileBytesAsync(BuildJob job, IterationMeasurement measurement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(measurement);
        var settings = options.Value;
        var outcome = await AnalyzeAsync(measurement, job.Secrets, settings.EstimateCompressedSize, settings.CompressionLevel,
            store.CreateCache(settings.EstimateCompressedSize, PushesBlobsAsStored(measurement)), cancellationToken);
        if (outcome.Analysis is not { } analysis)
        {
            throw LayersUnreadable(outcome.FailureReason);
        }

        if (outcome.HistoryIndexes is not { } match || match.Any(i => i is null))
        {
            throw new ImageAnalysisException("On the containerd image store ImageLab measures an image by reading its layers, but they could not be matched to the image's history.");
        }

        var sizes = new Dictionary<int, long>();
        for (var i = 0; i < match.Count; i++)
        {
            sizes[match[i]!.Value] = analysis.Layers[i].Layer.FileSystemBytes;
        }

        var layers = measurement.Layers
            .Select(l => l with { SizeBytes = sizes.GetValueOrDefault(l.Index), EmptyLayer = !sizes.ContainsKey(l.Index) })
            .ToList();
        return measurement with { SizeBytes = layers.Sum(l => l.SizeBytes), Layers = layers };
    }

    /// <summary>
    /// The size ImageLab gives any image on the containerd store, where the engine's own is compressed content: its
    /// layers' file bytes, read through the DiffID cache (the image is saved only when a layer is new to it).
    /// </summary>
    public async Task<long> MeasureFileBytesAsync(ImageDetails image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var cache = store.CreateCache(requireCompressedSize: false, blobsPushedAsStored: true);
        if (await TryAllFromCacheAsync(image.LayerDiffIds, cache, cancellationToken) is { } cached)
        {
            return cached.Sum(l => l.FileSystemBytes);
        }

        await using var save = await engine.SaveImageAsync(image.Id, cancellationToken);
        var options = new ImageAnalysisOptions { EstimateCompressedSize = false, BlobsArePushedAsStored = true };
        var result = await new ImageSaveAnalyzer(options, cache).AnalyzeAsync(save, cancellationToken);
        return result.Analysis?.Layers.Sum(l => l.Layer.FileSystemBytes)
            ?? throw LayersUnreadable(result.FailureReason);
    }

    private static ImageAnalysisException LayersUnreadable(string? reason) =>
        new($"On the containerd image store ImageLab measures an image by reading its layers, which failed: {reason}");

    private async Task<bool> HoldsEveryLayerWithPushSizeAsync(IterationMeasurement measurement, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.InspectImageAsync(measurement.ImageId, cancellationToken) is { } image
                && await store.CreateCache(requireCompressedSize: true, PushesBlobsAsStored(measurement)).HoldsAllAsync(image.LayerDiffIds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The analysis itself meets the same problem and stores it with its reason.
            return false;
        }
    }

    // One read of the image, with or without push sizes. True when the analysis is stored, false when its failure is, or
    // (with failureEndsIt false: the push sizes after the files) when the failure was only announced, the first results
    // kept; null when the app stopped or the lease was lost.
    private async Task<bool?> RunPassAsync(Pass pass, bool estimate, bool failureEndsIt, CancellationToken cancellationToken)
    {
        var (job, settings) = (pass.Job, pass.Settings);
        var stopwatch = Stopwatch.StartNew();
        var cache = store.CreateCache(estimate, PushesBlobsAsStored(pass.Measurement));
        AnalysisRun RunSoFar() => new(cache.Stores, cache.Hits, stopwatch.Elapsed, estimate, []);
        try
        {
            var outcome = await AnalyzeAsync(pass.Measurement, job.Secrets, estimate, settings.CompressionLevel, cache, cancellationToken);
            var run = new AnalysisRun(outcome.Analyzed, outcome.FromCache, stopwatch.Elapsed, estimate, outcome.HistoryIndexes ?? []);
            if (outcome.Analysis is not { } analysis)
            {
                return await FailAsync(pass, outcome.FailureReason!, run, failureEndsIt);
            }

            if (!await store.SaveSucceededAsync(job.IterationId, pass.Owner, analysis, run, CancellationToken.None))
            {
                LogLeaseLost(logger, job.IterationId);
                return null;
            }

            LogAnalyzed(logger, job.IterationId, analysis.Layers.Count, outcome.FromCache, stopwatch.Elapsed.TotalSeconds);
            events.Post(job.ExperimentId, job.IterationId, BuildEventType.Log, text: Describe(analysis, outcome, stopwatch.Elapsed, estimate));
            events.Post(job.ExperimentId, job.IterationId, BuildEventType.Analyzed);
            return true;
        }
        catch (OperationCanceledException) when (pass.Timeout.IsCancellationRequested)
        {
            return await FailAsync(pass, $"The layer analysis took longer than the limit of {settings.TimeoutMinutes} minutes (Analysis:TimeoutMinutes) and was stopped.", RunSoFar(), failureEndsIt);
        }
        catch (OperationCanceledException)
        {
            // The app is stopping or the lease was lost; the build's results are stored and the analysis runs again later.
            LogStopped(logger, job.IterationId);
            return null;
        }
        catch (Exception e)
        {
            LogAnalysisCrashed(logger, e, job.IterationId);
            return await FailAsync(pass, $"ImageLab could not analyze this image's layers: {e.Message}", RunSoFar(), failureEndsIt);
        }
    }

    private async Task<Outcome> AnalyzeAsync(
        IterationMeasurement measurement, SecretMasker secrets, bool estimate, int compressionLevel, StoreLayerAnalysisCache cache, CancellationToken cancellationToken)
    {
        var image = await engine.InspectImageAsync(measurement.ImageId, cancellationToken);
        if (image is null)
        {
            return Outcome.Failed($"The image {Short(measurement.ImageId)} was removed from the engine before its layers could be analyzed.");
        }

        var history = measurement.Layers;
        var analyzerOptions = new ImageAnalysisOptions
        {
            EstimateCompressedSize = estimate,
            BlobsArePushedAsStored = PushesBlobsAsStored(measurement),
            CompressedSizeEstimator = new GzipCompressedSizeEstimator(compressionLevel),
        };

        // Every layer analyzed before (the usual case when a build only re-tags, or a ladder's shared layers): no save at all.
        // Otherwise the whole image is saved: the Engine API (checked up to 1.57) exports only whole images (GET /images/{name}/get,
        // with every parent layer), on the containerd store too; it has no call that hands over one layer's blob, so a
        // new layer cannot be read alone. The analyzer then skips the cached layers' bytes without analyzing them.
        // Rows of size 0 (a WORKDIR on the classic builder) may or may not have written a layer: then the texts the layers
        // were created by in earlier analyses tell which.
        var sizedMatch = HistoryMatcher.Match(history, image.LayerDiffIds.Count, createdBy: null);
        var cachedMatch = sizedMatch ?? HistoryMatcher.MatchKnown(history, image.LayerDiffIds,
            await store.GetKnownCreatedByAsync(image.LayerDiffIds, cancellationToken));
        if (cachedMatch is not null && await TryAllFromCacheAsync(image.LayerDiffIds, cache, cancellationToken) is { } cached)
        {
            var firstOwn = HistoryMatcher.FirstOwnLayerIndex(history, cachedMatch);
            var fromCache = ImageAnalysis.FromLayers(
                cached,
                Rebuild(analyzerOptions, firstOwn),
                new ImageMetadata { ImageId = image.Id, CreatedBy = cachedMatch.Select(i => TextOrNull(history[i!.Value].CreatedBy)).ToList() });
            return new Outcome(fromCache, null, 0, cached.Count, cachedMatch);
        }

        var guess = HistoryMatcher.FirstOwnLayerIndex(history, sizedMatch);
        ImageAnalysisResult result;
        try
        {
            await using var save = await engine.SaveImageAsync(image.Id, cancellationToken);
            var analyzer = new ImageSaveAnalyzer(Rebuild(analyzerOptions, guess), cache);
            result = await analyzer.AnalyzeAsync(save, cancellationToken);
        }
        catch (ImageNotFoundException)
        {
            return Outcome.Failed($"The image {Short(measurement.ImageId)} was removed from the engine before its layers could be analyzed.");
        }

        if (result.Analysis is not { } analysis)
        {
            return Outcome.Failed(result.FailureReason ?? "The image's save stream could not be analyzed.", result.LayersAnalyzed, result.LayersFromCache);
        }

        // The saved config's created-by holds build arguments' values in clear: masked like the history before it is
        // matched (the history is masked already) or stored.
        var createdBy = analysis.Layers.Select(l => l.CreatedBy is { } text ? secrets.Apply(text) : null).ToList();
        var match = HistoryMatcher.Match(history, analysis.Layers.Count, createdBy);
        var firstOwnLayer = HistoryMatcher.FirstOwnLayerIndex(history, match);
        if (firstOwnLayer != guess || !secrets.IsEmpty)
        {
            analysis = ImageAnalysis.FromLayers(
                analysis.Layers.Select(l => l.Layer).ToList(),
                Rebuild(analyzerOptions, firstOwnLayer),
                new ImageMetadata
                {
                    ImageId = analysis.ImageId,
                    RepoTags = analysis.RepoTags,
                    CreatedBy = createdBy,
                    Layout = analysis.Layout,
                    Warnings = ImageWarnings(analysis).Select(secrets.Apply).ToList(),
                });
        }

        return new Outcome(analysis, null, result.LayersAnalyzed, result.LayersFromCache, match);
    }

    // The analysis's warnings are the image's own followed by each layer's (which a rebuild adds again).
    private static IEnumerable<string> ImageWarnings(ImageAnalysis analysis) =>
        analysis.Warnings.Take(analysis.Warnings.Count - analysis.Layers.Sum(l => l.Layer.Warnings.Count));

    private static async Task<List<LayerAnalysis>?> TryAllFromCacheAsync(
        IReadOnlyList<string> diffIds, StoreLayerAnalysisCache cache, CancellationToken cancellationToken)
    {
        var layers = new List<LayerAnalysis>(diffIds.Count);
        foreach (var diffId in diffIds)
        {
            if (await cache.TryGetAsync(diffId, cancellationToken) is not { } layer)
            {
                return null;
            }

            layers.Add(layer);
        }

        return layers;
    }

    // As read from the config: docker history shows an imported base's missing text as empty.
    private static string? TextOrNull(string createdBy) => createdBy.Length == 0 ? null : createdBy;

    private static bool PushesBlobsAsStored(IterationMeasurement measurement) => measurement.EngineDetails?.ImageStore == ImageStoreKind.Containerd;

    private static ImageAnalysisOptions Rebuild(ImageAnalysisOptions template, int firstOwnLayerIndex) => new()
    {
        EstimateCompressedSize = template.EstimateCompressedSize,
        BlobsArePushedAsStored = template.BlobsArePushedAsStored,
        CompressedSizeEstimator = template.CompressedSizeEstimator,
        FirstOwnLayerIndex = firstOwnLayerIndex,
    };

    // A failure of the first read is the analysis's outcome; one of the push sizes after it is only announced, the files
    // and waste stay.
    private async Task<bool?> FailAsync(Pass pass, string reason, AnalysisRun run, bool failureEndsIt)
    {
        var job = pass.Job;
        reason = job.Secrets.Apply(reason);
        LogAnalysisFailed(logger, job.IterationId, reason);
        if (!failureEndsIt)
        {
            events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning, text: $"The push size could not be estimated: {reason}");
            return false;
        }

        telemetry.CountAnalysisFailure();
        try
        {
            if (!await store.SaveFailedAsync(job.IterationId, pass.Owner, reason, run, CancellationToken.None))
            {
                LogLeaseLost(logger, job.IterationId);
                return null;
            }
        }
        catch (Exception e)
        {
            // The build's results are stored; losing the analysis's failure note is not worth failing for.
            LogStoreFailed(logger, job.IterationId, e.Message);
        }

        events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning, text: $"Layer analysis failed: {reason}");
        events.Post(job.ExperimentId, job.IterationId, BuildEventType.Analyzed);
        return false;
    }

    private static string Describe(ImageAnalysis analysis, Outcome outcome, TimeSpan elapsed, bool withPushSize)
    {
        var culture = CultureInfo.InvariantCulture;
        var push = withPushSize ? string.Create(culture, $", push size {ByteSize.Format(analysis.CompressedSizeBytes)}") : "";
        return string.Create(culture,
            $"Layer analysis: {analysis.Layers.Count} layers ({outcome.FromCache} from the cache), {analysis.Tree.FileCount} files, " +
            $"{ByteSize.Format(analysis.WastedBytes)} wasted, efficiency {Percentage.Format(analysis.DiveEfficiency * 100)}{push}, in {elapsed.TotalSeconds:0.0} s.");
    }

    private static string Short(string imageId) => imageId.StartsWith("sha256:", StringComparison.Ordinal) && imageId.Length > 19 ? imageId[7..19] : imageId;

    private sealed record Pass(BuildJob Job, IterationMeasurement Measurement, string Owner, AnalysisOptions Settings, CancellationTokenSource Timeout);

    private sealed record Outcome(ImageAnalysis? Analysis, string? FailureReason, int Analyzed, int FromCache, IReadOnlyList<int?>? HistoryIndexes)
    {
        public static Outcome Failed(string reason, int analyzed = 0, int fromCache = 0) => new(null, reason, analyzed, fromCache, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Iteration {IterationId}: analyzed {LayerCount} layers ({FromCache} from the cache) in {Seconds:0.0} s.")]
    private static partial void LogAnalyzed(ILogger logger, long iterationId, int layerCount, int fromCache, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId}: layer analysis failed: {Reason}")]
    private static partial void LogAnalysisFailed(ILogger logger, long iterationId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Iteration {IterationId}: layer analysis crashed.")]
    private static partial void LogAnalysisCrashed(ILogger logger, Exception exception, long iterationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId}: storing the analysis failure failed ({Reason}).")]
    private static partial void LogStoreFailed(ILogger logger, long iterationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId}: the analysis lease was lost (another worker took it); stopping without writing.")]
    private static partial void LogLeaseLost(ILogger logger, long iterationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Iteration {IterationId}: layer analysis stopped (ImageLab is stopping or the lease was lost); it runs again from the queue.")]
    private static partial void LogStopped(ILogger logger, long iterationId);
}
