namespace ImageLab.Docker.Engine;

/// <summary>One row of <c>docker images</c>.</summary>
public sealed record ImageSummary(
    string Id,
    IReadOnlyList<string> RepoTags,
    long SizeBytes,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Labels);
