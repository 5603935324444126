namespace ImageLab.Cli.Api;

/// <summary>What <c>imagelab submit</c> sends: a folder to pack and the experiment's fields.</summary>
public sealed record SubmitRequest
{
    public required string Folder { get; init; }

    /// <summary>Dockerfiles to build, in order; empty to let the server find them by name.</summary>
    public IReadOnlyList<string> Dockerfiles { get; init; } = [];

    /// <summary>Dockerfiles the packed context must carry even when <c>.dockerignore</c> excludes them.</summary>
    public required IReadOnlyList<string> ContextDockerfiles { get; init; }

    public string? Name { get; init; }

    public string? Project { get; init; }

    public string? Builder { get; init; }

    /// <summary>Whether RUN steps ask for network.</summary>
    public bool Network { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<string> BuildArgs { get; init; } = [];
}
