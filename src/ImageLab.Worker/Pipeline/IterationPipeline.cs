using System.Diagnostics;
using System.Text.RegularExpressions;
using ImageLab.Core.Builds;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;
using ImageLab.Core.IO;
using ImageLab.Data.Events;
using ImageLab.Data.Queue;
using ImageLab.Data.Stores;
using ImageLab.Docker.Engine;
using ImageLab.Docker.Hosting;
using ImageLab.Worker.Analysis;
using ImageLab.Worker.Hosting;
using ImageLab.Worker.Queue;
using ImageLab.Worker.Suggestions;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageLab.Worker.Pipeline;

/// <summary>
/// One claimed iteration, end to end: build, inspect, history, attribute, persist, publish; then its layer analysis is
/// queued for the <see cref="AnalysisWorker"/>.
/// </summary>
public sealed partial class IterationPipeline(
    IDockerEngine engine,
    EngineImageGate gate,
    IBuildQueue queue,
    IterationStore store,
    BuildEventWriter events,
    RunningBuilds running,
    LayerAnalysisStep layerAnalysis,
    AnalysisSignal analysisSignal,
    IOptions<AnalysisOptions> analysisOptions,
    ImageLabTelemetry telemetry,
    SuggestionProver suggestions,
    IOptions<WorkerOptions> workerOptions,
    IOptions<DockerOptions> dockerOptions,
    TimeProvider clock,
    ILogger<IterationPipeline> logger)
{
    private static readonly TimeSpan StepWriteInterval = TimeSpan.FromSeconds(1);

    // Results must land even when the database restarts mid-build: writes are retried for up to ten minutes.
    private static readonly WriteRetry ResultWrites = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));

    /// <summary>Runs the iteration; returns false when the engine could not be reached (the iteration waits in the queue).</summary>
    public async Task<bool> RunAsync(long iterationId, string owner, CancellationToken stopping)
    {
        using var cancel = new CancellationTokenSource();
        await using var lease = LeaseRenewal.Start(
            workerOptions.Value.Lease,
            cancellationToken => queue.RenewLeaseAsync(iterationId, owner, workerOptions.Value.Lease, cancellationToken),
            cancel.CancelAsync,
            e => LogRenewalFailed(logger, iterationId, e.Message),
            stopping);
        return await RunLeasedAsync(iterationId, owner, cancel, lease, stopping);
    }

    private async Task<bool> RunLeasedAsync(long iterationId, string owner, CancellationTokenSource cancel, LeaseRenewal lease, CancellationToken stopping)
    {
        var job = await store.GetJobAsync(iterationId, stopping);
        if (job is null)
        {
            return true;
        }

        using var trace = telemetry.StartIteration(job);
        var options = workerOptions.Value;
        using var timeout = new CancellationTokenSource(options.BuildTimeout);
        using var build = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token, cancel.Token, lease.Lost);
        running.Add(iterationId, job.ExperimentId, cancel);
        try
        {
            PostStatus(job, IterationStatus.Building, job.Attempt > 1 ? $"Attempt {job.Attempt}." : null);
            return await BuildAndMeasureAsync(job, owner, build.Token);
        }
        catch (OperationCanceledException) when (lease.IsLost)
        {
            LogLeaseLost(logger, iterationId);
            return true;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await EndAsync(job, owner, IterationStatus.Canceled, "Cancelled while building; the engine's build was stopped.");
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            telemetry.CountFailure(FailureReasons.Timeout);
            await EndAsync(job, owner, IterationStatus.Failed,
                $"The build took longer than the limit of {options.BuildTimeoutDescription} and was stopped.");
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping: hand the iteration back so that the next start (or another worker) builds it.
            const string reason = "ImageLab stopped during the build; it will be built again.";
            await queue.ReleaseAsync(iterationId, owner, reason, CancellationToken.None);
            PostStatus(job, IterationStatus.Queued, reason);
            return true;
        }
        catch (DockerEngineUnavailableException e)
        {
            LogEngineUnavailable(logger, iterationId, e.Message);
            var reason = $"{e.Message} The build waits until the engine is back.";
            await queue.ReleaseAsync(iterationId, owner, reason, CancellationToken.None);
            PostStatus(job, IterationStatus.Queued, reason);
            return false;
        }
        catch (Exception e)
        {
            LogPipelineFailed(logger, e, iterationId);
            telemetry.CountFailure(FailureReasons.Internal);
            await EndAsync(job, owner, IterationStatus.Failed, $"ImageLab could not finish this iteration: {e.Message}");
            return true;
        }
        finally
        {
            running.Remove(iterationId);
        }
    }

    private async Task<bool> BuildAndMeasureAsync(BuildJob job, string owner, CancellationToken cancellationToken)
    {
        var document = DockerfileParser.Parse(job.DockerfileText, job.BuildArgs);
        if (!job.RequestsNetwork && await FindUnheldImageAsync(document, cancellationToken) is { } unheld)
        {
            telemetry.CountFailure(FailureReasons.UnheldImage);
            await EndAsync(job, owner, IterationStatus.Failed, unheld);
            return true;
        }

        var guard = new BuildLogGuard(job.Secrets, workerOptions.Value.MaxLogBytes);
        var progress = new StepProgress(job, events, guard, (total, done, cached) =>
            _ = UpdateStepsQuietlyAsync(job.IterationId, owner, total, done, cached), StepWriteInterval);
        var request = new BuildRequest
        {
            DockerfilePath = job.DockerfilePath,
            Builder = job.Builder,
            BuildArgs = BuildArgsFor(job),
            NetworkMode = NetworkFor(job),
            MemoryBytes = workerOptions.Value.MemoryLimitMb > 0 ? workerOptions.Value.MemoryLimitMb * 1024 * 1024 : null,
            Cpus = workerOptions.Value.Cpus > 0 ? workerOptions.Value.Cpus : null,
            Tags = [ImageTagFor(job)],
            Labels = LabelsFor(job),
        };

        var dockerIgnore = await suggestions.DockerIgnoreOfAsync(job, cancellationToken);
        var (result, buildSeconds) = await BuildAsync(job, request, progress, dockerIgnore, cancellationToken);
        if (ClassicCacheRace.LostAnImage(request.Builder, result))
        {
            events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning, text: ClassicCacheRace.Explanation);
            (result, buildSeconds) = await BuildAsync(job, request, progress, dockerIgnore, cancellationToken);
        }

        progress.Flush();
        (result, document) = await suggestions.ProveAsync(job, owner, request, result, document, cancellationToken);
        if (!result.Succeeded || result.ImageId is null)
        {
            telemetry.CountFailure(FailureReasons.BuildError);
            await EndAsync(job, owner, IterationStatus.Failed, ExplainFailure(guard.Mask(result.Error) ?? "The build failed without a message from the engine."));
            return true;
        }

        // The Measuring status is written while the engine is asked: both are round trips, neither needs the other.
        var measuringStored = RetryAsync(() => store.SetStatusAsync(job.IterationId, owner, IterationStatus.Measuring, null, cancellationToken), cancellationToken);
        PostStatus(job, IterationStatus.Measuring, null);
        IterationMeasurement measurement;
        try
        {
            measurement = await MeasureAsync(job, document, result, buildSeconds, cancellationToken);
        }
        finally
        {
            // Whatever ends the iteration is written after Measuring, never overwritten by it.
            await measuringStored;
        }

        measurement = measurement with { Layers = [.. measurement.Layers.Select(l => l with { CreatedBy = guard.Mask(l.CreatedBy)!, Comment = guard.Mask(l.Comment)! })] };
        if (measurement.EngineDetails?.ImageStore == ImageStoreKind.Containerd)
        {
            measurement = await layerAnalysis.MeasureFileBytesAsync(job, measurement, cancellationToken);
        }

        // The log must be whole in the store before anyone reading the iteration's status sees it end.
        await events.FlushAsync(CancellationToken.None);
        // Succeeded with its sizes now; the layer analysis waits in its own queue, so the build slot is free at once.
        var analyze = analysisOptions.Value.Enabled;
        var stored = await RetryAsync(() => store.CompleteAsync(job.IterationId, owner, measurement, analyze, CancellationToken.None), cancellationToken);
        if (stored)
        {
            PostStatus(job, IterationStatus.Succeeded, null);
            if (analyze)
            {
                analysisSignal.Wake();
            }
            else
            {
                // Nothing will be stored: say so, so that whoever waits for the analysis stops waiting.
                events.Post(job.ExperimentId, job.IterationId, BuildEventType.Analyzed);
            }
        }

        return true;
    }

    private async Task<(BuildResult Result, double Seconds)> BuildAsync(
        BuildJob job, BuildRequest request, StepProgress progress, string? dockerIgnore, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var context = store.OpenContext(job, dockerIgnoreText: dockerIgnore);
        using var buildTrace = telemetry.StartBuild(job);
        var result = await gate.BuildAsync(request, context, new SyncProgress<BuildEvent>(e => { progress.Handle(e); buildTrace.Observe(e); }), cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        buildTrace.Finish(result, seconds);
        return (result, seconds);
    }

    /// <summary>BuildKit's namespace of cache mounts (<c>RUN --mount=type=cache</c>).</summary>
    public const string CacheMountNamespaceArg = "BUILDKIT_CACHE_MOUNT_NS";

    // The experiment's build arguments, and BuildKit's cache-mount namespace set to the submitter (whatever the experiment
    // says), so that one member's cache mounts are never another's on the shared engine (the classic builder has none).
    private static Dictionary<string, string?> BuildArgsFor(BuildJob job)
    {
        var args = job.BuildArgs.Where(a => !string.Equals(a.Key, CacheMountNamespaceArg, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => (string?)p.Value);
        if (job.Builder == BuilderKind.BuildKit)
        {
            args[CacheMountNamespaceArg] = "imagelab-user-" + job.SubmittedBy;
        }

        return args;
    }

    // The classic builder turns every label into a step of its own that commits a new image (about 0.15 s each on a warm
    // build, most of a cached iteration's time), so its images carry only the engine adapter's managed label; the tag
    // names the project, experiment and iteration. BuildKit writes labels into the image's config at no cost.
    private static Dictionary<string, string> LabelsFor(BuildJob job) => job.Builder == BuilderKind.Classic
        ? []
        : new Dictionary<string, string>
        {
            ["imagelab.project"] = job.Project,
            ["imagelab.experiment"] = job.ExperimentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["imagelab.iteration"] = job.IterationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    // The engine pulls an image it does not hold, whatever the RUN steps' network: a build without network may use only
    // what this engine has (FROM, COPY --from, RUN --mount=from=).
    private async Task<string?> FindUnheldImageAsync(DockerfileDocument document, CancellationToken cancellationToken)
    {
        foreach (var (image, line) in NetworkReach.ImagesOf(document))
        {
            if (await engine.InspectImageAsync(image, cancellationToken) is null)
            {
                return $"Line {line} needs the image {image}, which this engine does not have, and a build without network may not pull it. " +
                    "Submit with network (allowed to the roles in Security:NetworkRoles), or have the image loaded on the engine.";
            }
        }

        return null;
    }

    // RUN steps get network only when the experiment asked for it; they then get what Docker:NetworkMode allows.
    private BuildNetworkMode NetworkFor(BuildJob job)
    {
        var allowed = dockerOptions.Value.NetworkMode;
        if (!job.RequestsNetwork)
        {
            return BuildNetworkMode.None;
        }

        if (allowed == BuildNetworkMode.None)
        {
            events.Post(job.ExperimentId, job.IterationId, BuildEventType.Warning,
                text: "The experiment asked for network, but Docker:NetworkMode is none on this engine: RUN steps have no network.");
        }

        return allowed;
    }

    // The engine reports an out-of-memory kill as exit code 137 and nothing more; say what it most likely means.
    private string ExplainFailure(string error)
    {
        var limit = workerOptions.Value.MemoryLimitMb;
        return limit > 0 && OutOfMemoryExit().IsMatch(error)
            ? $"{error} The step was killed, most likely for going past the memory limit of {limit} MB (Worker:MemoryLimitMb)."
            : error;
    }

    private async Task<IterationMeasurement> MeasureAsync(
        BuildJob job, DockerfileDocument document, BuildResult result, double buildSeconds, CancellationToken cancellationToken)
    {
        using var span = ImageLabTelemetry.StartMeasure();
        // The engine answers these independently; asked together, a cached iteration's measuring takes one round trip.
        var (baseImage, ownInstructions) = BaseImageResolver.Resolve(document, target: null);
        var describing = engine.DescribeAsync(cancellationToken);
        var inspecting = engine.InspectImageAsync(result.ImageId!, cancellationToken);
        var reading = engine.GetHistoryAsync(result.ImageId!, cancellationToken);
        var counting = CountBaseLayersAsync(baseImage, cancellationToken);
        await Task.WhenAll(describing, inspecting, reading, counting);
        var engineInfo = await describing;
        var image = await inspecting
            ?? throw new InvalidOperationException($"the engine reported image {result.ImageId} but cannot find it.");
        var history = await reading;
        var baseLayers = await counting;
        var layers = LayerAttribution.Attribute(history, Math.Min(baseLayers, history.Count), ownInstructions);
        // On a graph driver the engine's size is ImageLab's; on the containerd store it is replaced by the layers' file bytes.
        return new IterationMeasurement(
            image.Id, ImageTagFor(job), image.SizeBytes, buildSeconds, result.TotalSteps, result.CachedSteps, engine.Endpoint, layers,
            engineInfo.Description, result.StageImageIds);
    }

    private async Task<int> CountBaseLayersAsync(string baseImage, CancellationToken cancellationToken)
    {
        if (string.Equals(baseImage, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var details = await engine.InspectImageAsync(baseImage, cancellationToken);
        return details is null ? 0 : (await engine.GetHistoryAsync(details.Id, cancellationToken)).Count;
    }

    // Step counts are a convenience for pages loaded mid-build; the events carry the truth, so a failed write is let go.
    private async Task UpdateStepsQuietlyAsync(long iterationId, string owner, int total, int done, int cached)
    {
        try
        {
            await store.UpdateStepsAsync(iterationId, owner, total, done, cached, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogStepsWriteFailed(logger, iterationId, e.Message);
        }
    }

    private async Task EndAsync(BuildJob job, string owner, IterationStatus status, string reason)
    {
        await events.FlushAsync(CancellationToken.None);
        if (await RetryAsync(() => store.SetStatusAsync(job.IterationId, owner, status, reason, CancellationToken.None), CancellationToken.None))
        {
            PostStatus(job, status, reason);
        }
    }

    private void PostStatus(BuildJob job, IterationStatus status, string? text) =>
        events.Post(job.ExperimentId, job.IterationId, BuildEventType.Status, status, text: text);

    private Task<T> RetryAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        ResultWrites.RunAsync(write, clock, e => LogWriteRetry(logger, e.Message), cancellationToken);

    /// <summary><c>imagelab/&lt;project&gt;:&lt;experiment&gt;-&lt;iteration&gt;</c>, lower-cased to what a reference allows.</summary>
    public static string ImageTagFor(BuildJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var project = InvalidRepositoryCharacters().Replace(job.Project.ToLowerInvariant(), "-").Trim('-', '.', '_');
        return $"imagelab/{(project.Length == 0 ? "default" : project)}:{job.ExperimentId}-{job.Ordinal}";
    }

    [GeneratedRegex(@"code:? 137\b")]
    private static partial Regex OutOfMemoryExit();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex InvalidRepositoryCharacters();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId}: the lease was lost (the iteration was requeued elsewhere); stopping without writing.")]
    private static partial void LogLeaseLost(ILogger logger, long iterationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iteration {IterationId} waits: {Reason}")]
    private static partial void LogEngineUnavailable(ILogger logger, long iterationId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Iteration {IterationId} failed inside ImageLab.")]
    private static partial void LogPipelineFailed(ILogger logger, Exception exception, long iterationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of iteration {IterationId} failed ({Reason}); the build goes on.")]
    private static partial void LogRenewalFailed(ILogger logger, long iterationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the step counts of iteration {IterationId} failed ({Reason}); the build goes on and its events keep the steps.")]
    private static partial void LogStepsWriteFailed(ILogger logger, long iterationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a build result failed ({Reason}); retrying.")]
    private static partial void LogWriteRetry(ILogger logger, string reason);
}
