using ImageLab.Core.Builds;

namespace ImageLab.Data.Stores;

/// <summary>Everything the worker needs to build one claimed iteration.</summary>
public sealed record BuildJob(
    long IterationId,
    long ExperimentId,
    string ExperimentName,
    string Project,
    int Ordinal,
    string IterationName,
    string DockerfilePath,
    string DockerfileText,
    BuilderKind Builder,
    IReadOnlyDictionary<string, string> BuildArgs,
    int Attempt)
{
    /// <summary>Build arguments the submitter marked secret.</summary>
    public IReadOnlyList<string> SecretBuildArgs { get; init; } = [];

    /// <summary>Who submitted the experiment (the user, or the token's owner).</summary>
    public string SubmittedBy { get; init; } = "";

    /// <summary>Whether the submitter asked for network in RUN steps.</summary>
    public bool RequestsNetwork { get; init; }

    /// <summary>When the iteration entered the queue (its submission, or its last requeue).</summary>
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>The submission's W3C <c>traceparent</c>, when it was traced.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The iteration a suggested iteration was written from; null for a submitted one.</summary>
    public long? SuggestedFromId { get; init; }

    /// <summary>
    /// The one masking step for everything of this build that leaves the engine (log lines, errors, history and the
    /// saved config's created-by, analysis warnings): secret build arguments' values become <c>***</c>.
    /// </summary>
    public SecretMasker Secrets => SecretMasker.For(BuildArgs, SecretBuildArgs);
}
