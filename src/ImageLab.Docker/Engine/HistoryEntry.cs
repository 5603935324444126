namespace ImageLab.Docker.Engine;

/// <summary>
/// One <c>docker history</c> row. <see cref="Id"/> is <c>&lt;missing&gt;</c> for rows the engine has
/// no local image for (base-image rows of a pulled or imported image, and BuildKit's rows).
/// </summary>
public sealed record HistoryEntry(
    string Id,
    DateTimeOffset Created,
    string CreatedBy,
    long SizeBytes,
    string Comment,
    bool EmptyLayer,
    IReadOnlyList<string> Tags);
