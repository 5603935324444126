using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;

namespace ImageLab.Data.Entities;

/// <summary>One upload: a build context and the Dockerfiles built from it.</summary>
public sealed class Experiment
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Kept in step with the iterations (see <see cref="StatusRules.Combine"/>) so history can filter on it.</summary>
    public ExperimentStatus Status { get; set; }

    public BuilderKind Builder { get; set; }

    public Dictionary<string, string> BuildArgs { get; set; } = [];

    /// <summary>Build arguments the submitter marked secret; their values are masked in logs.</summary>
    public List<string> SecretBuildArgs { get; set; } = [];

    /// <summary>Whether the submitter asked for network in RUN steps (granted only when the engine's settings allow it).</summary>
    public bool RequestsNetwork { get; set; }

    /// <summary>The words of the command that checks a suggested image (the submission's or the context's imagelab.json); empty for none.</summary>
    public List<string> CheckCommand { get; set; } = [];

    /// <summary>Text the check's output must contain; null when only its exit code counts.</summary>
    public string? CheckExpect { get; set; }

    public long ContextSizeBytes { get; set; }

    /// <summary>True once the images were removed by retention; the numbers stay.</summary>
    public bool ImagesRemoved { get; set; }

    /// <summary>When retention removed the build context (<c>Retention:KeepContextsOfLatestExperiments</c>); its size stays.</summary>
    public DateTimeOffset? ContextRemovedAt { get; set; }

    /// <summary>When retention removed the build logs and events (<c>Retention:KeepLogsDays</c>); sizes, layers and reports stay.</summary>
    public DateTimeOffset? LogsRemovedAt { get; set; }

    /// <summary>
    /// When retention removed the layer analyses' files, waste findings and package data
    /// (<c>Retention:KeepAnalysesOfLatestExperiments</c>); sizes, layers and the analyses' totals stay.
    /// </summary>
    public DateTimeOffset? AnalysesRemovedAt { get; set; }

    public List<Iteration> Iterations { get; set; } = [];
}
