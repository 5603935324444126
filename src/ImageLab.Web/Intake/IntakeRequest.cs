using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.Intake;

/// <summary>An upload with the choices that came with it.</summary>
public sealed record IntakeRequest
{
    public required SpooledUpload Upload { get; init; }

    public string? Name { get; init; }

    public string Project { get; init; } = "default";

    public required string SubmittedBy { get; init; }

    public BuilderKind Builder { get; init; } = BuilderKind.BuildKit;

    /// <summary>Dockerfile paths in iteration order; empty to find them by name.</summary>
    public IReadOnlyList<string> Dockerfiles { get; init; } = [];

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Dockerfiles (context path to text) that replace, or join, what the upload holds: the New experiment page's
    /// iterations, pasted or dropped, or edited, renamed or added over an archive. Empty for the REST API, whose files
    /// carry their own text.
    /// </summary>
    public IReadOnlyDictionary<string, string> DockerfileOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Build arguments whose values are masked in logs, besides those named like secrets.</summary>
    public IReadOnlyList<string> SecretBuildArgs { get; init; } = [];

    /// <summary>Whether RUN steps ask for network.</summary>
    public bool RequestsNetwork { get; init; }

    /// <summary>The check command of the <c>check</c> field or the form; null to take the context's <c>imagelab.json</c> (or none).</summary>
    public CheckCommand? Check { get; init; }

    /// <summary>The repeated <c>label</c> field (<c>key=value</c>), parsed.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
