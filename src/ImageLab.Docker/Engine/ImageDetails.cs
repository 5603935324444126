namespace ImageLab.Docker.Engine;

/// <summary>The parts of <c>docker image inspect</c> ImageLab keeps.</summary>
public sealed record ImageDetails(
    string Id,
    long SizeBytes,
    DateTimeOffset Created,
    string Architecture,
    string Os,
    IReadOnlyList<string> LayerDiffIds,
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    IReadOnlyList<string> Env,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> RepoTags);
