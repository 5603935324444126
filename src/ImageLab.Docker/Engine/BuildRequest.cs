using ImageLab.Core.Builds;

namespace ImageLab.Docker.Engine;

/// <summary>One build: which Dockerfile of the context, with which builder and limits.</summary>
public sealed record BuildRequest
{
    /// <summary>Path of the Dockerfile inside the context, with forward slashes.</summary>
    public required string DockerfilePath { get; init; }

    public BuilderKind Builder { get; init; } = BuilderKind.BuildKit;

    public IReadOnlyDictionary<string, string?> BuildArgs { get; init; } = new Dictionary<string, string?>();

    /// <summary>Target stage, or null for the last one.</summary>
    public string? Target { get; init; }

    public BuildNetworkMode NetworkMode { get; init; } = BuildNetworkMode.None;

    public bool NoCache { get; init; }

    public bool Pull { get; init; }

    /// <summary>Memory limit of RUN steps in bytes (classic builder), or null for none.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>CPU limit in CPUs (e.g. 1.5), or null for none.</summary>
    public double? Cpus { get; init; }

    /// <summary>Tags (<c>repository:tag</c>) the image gets.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Labels the image gets; ImageLab always adds <c>imagelab.*</c> ones.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
