using ImageLab.Core.Builds;
using ImageLab.Core.Engines;
using ImageLab.Core.Experiments;

namespace ImageLab.Data.Entities;

/// <summary>One Dockerfile of an experiment and the image built from it; also the build queue's row.</summary>
public sealed class Iteration
{
    public long Id { get; set; }

    public long ExperimentId { get; set; }

    public Experiment? Experiment { get; set; }

    /// <summary>1-based position; ordinal 1 is the baseline the others are compared with.</summary>
    public int Ordinal { get; set; }

    public required string Name { get; set; }

    public required string DockerfilePath { get; set; }

    public required string DockerfileText { get; set; }

    public BuilderKind Builder { get; set; }

    public IterationStatus Status { get; set; }

    public string? ImageId { get; set; }

    public string? ImageTag { get; set; }

    public long? SizeBytes { get; set; }

    public double? BuildSeconds { get; set; }

    public int TotalSteps { get; set; }

    public int CompletedSteps { get; set; }

    public int CachedSteps { get; set; }

    /// <summary>The engine endpoint that built it.</summary>
    public string? Engine { get; set; }

    /// <summary>The engine's version (e.g. 28.5.2); with the next three, what measured the numbers.</summary>
    public string? EngineVersion { get; set; }

    public string? EngineApiVersion { get; set; }

    public string? StorageDriver { get; set; }

    public ImageStoreKind? ImageStore { get; set; }

    /// <summary>The engine that measured it, from the four columns above; null before it was measured (not mapped).</summary>
    public EngineDescription? MeasuredOn => EngineOf(EngineVersion, EngineApiVersion, StorageDriver, ImageStore);

    /// <summary>The engine from its recorded columns, for queries that project them.</summary>
    public static EngineDescription? EngineOf(string? version, string? apiVersion, string? storageDriver, ImageStoreKind? store) =>
        version is not null && store is { } kind ? new EngineDescription(version, apiVersion ?? "", storageDriver ?? "", kind) : null;

    /// <summary>Untagged images the build left besides its own (space-separated ids), removed with it.</summary>
    public string? StageImageIds { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the submission, so that the worker's spans join the submission's trace.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    // The queue: who holds the iteration, until when, how often it was tried, whether to stop.
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public int Attempt { get; set; }

    public bool CancelRequested { get; set; }

    public List<Layer> Layers { get; set; } = [];

    /// <summary>The iteration ImageLab wrote this one's Dockerfile from; null for a submitted iteration.</summary>
    public long? SuggestedFromId { get; set; }

    /// <summary>A suggested iteration's check: not run (no command), waiting, passed or failed; null for a submitted iteration.</summary>
    public SuggestionCheckStatus? CheckStatus { get; set; }

    /// <summary>The first of the source image's check output, secrets masked.</summary>
    public string? CheckSourceOutput { get; set; }

    /// <summary>The first of the suggested image's check output, secrets masked.</summary>
    public string? CheckSuggestedOutput { get; set; }

    /// <summary>Why the check failed, in a sentence.</summary>
    public string? CheckReason { get; set; }

    /// <summary>A suggested iteration's transformations, in the order applied.</summary>
    public List<SuggestedTransformation> Transformations { get; set; } = [];
}
