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

    /// <summary>Whether the submitter asked for network in RUN steps.</summary>
    public bool RequestsNetwork { get; init; }
}
