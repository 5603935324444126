using ImageLab.Core.Builds;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Engines;

namespace ImageLab.Core.Experiments;

/// <summary>One iteration as shown and served: its build, its measurements and its layers.</summary>
public sealed record IterationDetails
{
    public required long Id { get; init; }

    public required int Ordinal { get; init; }

    public required string Name { get; init; }

    /// <summary>Path of the Dockerfile in the build context.</summary>
    public required string Dockerfile { get; init; }

    public string DockerfileText { get; init; } = "";

    public required BuilderKind Builder { get; init; }

    public required IterationStatus Status { get; init; }

    public string? ImageId { get; init; }

    public string? ImageTag { get; init; }

    public long? SizeBytes { get; init; }

    /// <summary>Reduction against the experiment's first iteration, in percent; null for the baseline itself.</summary>
    public double? ReductionPercent { get; init; }

    public double? BuildSeconds { get; init; }

    public int TotalSteps { get; init; }

    public int CompletedSteps { get; init; }

    public int CachedSteps { get; init; }

    public int Attempt { get; init; }

    /// <summary>The endpoint of the engine that built it.</summary>
    public string? Engine { get; init; }

    /// <summary>The engine that built and measured it (version, API, storage driver, image store); null before it was measured.</summary>
    public EngineDescription? MeasuredOn { get; init; }

    /// <summary>Why the iteration failed or was cancelled, in a sentence.</summary>
    public string? Error { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The image's push size (sum of its layers' gzip sizes), from the layer analysis; null until analyzed.</summary>
    public long? CompressedSizeBytes { get; init; }

    /// <summary>dive's efficiency score of the image (1 = no path written twice), from the layer analysis.</summary>
    public double? Efficiency { get; init; }

    /// <summary>Bytes of file copies that do not survive into the final image, from the layer analysis.</summary>
    public long? WastedBytes { get; init; }

    public IReadOnlyList<LayerDetails> Layers { get; init; } = [];

    /// <summary>The iteration this one was suggested from (ImageLab wrote its Dockerfile); null for a submitted one.</summary>
    public long? SuggestedFrom { get; init; }

    /// <summary>The transformations a suggested iteration is made of, with what each one's own build saved; empty otherwise.</summary>
    public IReadOnlyList<TransformationDetails> Transformations { get; init; } = [];

    /// <summary>A suggested iteration's check (whether its image still does its job); null for a submitted one.</summary>
    public SuggestionCheck? Check { get; init; }

    /// <summary>The Dockerfile advisor's findings, measured against the layers once built; filled by the API, empty from the store.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];
}
