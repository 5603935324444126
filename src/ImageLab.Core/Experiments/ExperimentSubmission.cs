using ImageLab.Core.Builds;

namespace ImageLab.Core.Experiments;

/// <summary>What a user asks for: a named experiment of a project with Dockerfiles to build in order.</summary>
public sealed record ExperimentSubmission
{
    public required string Name { get; init; }

    public required string Project { get; init; }

    public required string SubmittedBy { get; init; }

    public BuilderKind Builder { get; init; } = BuilderKind.BuildKit;

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Names of build arguments whose values are masked in logs (besides those <see cref="SecretMasker"/> finds by name).</summary>
    public IReadOnlyList<string> SecretBuildArgs { get; init; } = [];

    /// <summary>Whether RUN steps ask for network; they get it only when the engine's settings allow it.</summary>
    public bool RequestsNetwork { get; init; }

    /// <summary>Labels such as <c>branch=main</c>; baselines are found by them.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The command that says whether a suggested image still works (the <c>check</c> field, else the context's <c>imagelab.json</c>); null for none.</summary>
    public CheckCommand? Check { get; init; }

    public required IReadOnlyList<IterationSubmission> Iterations { get; init; }
}
