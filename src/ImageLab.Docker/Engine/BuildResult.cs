namespace ImageLab.Docker.Engine;

/// <summary>
/// How a build ended. <see cref="ImageId"/> is set when it succeeded. <see cref="StageImageIds"/> are the images the
/// build left besides its result: the classic builder's result of each earlier stage of a multi-stage Dockerfile
/// (untagged; they keep that stage's build cache). BuildKit leaves none.
/// </summary>
public sealed record BuildResult(
    bool Succeeded,
    string? ImageId,
    string? Error,
    int TotalSteps,
    int CachedSteps,
    TimeSpan Duration,
    IReadOnlyList<string>? StageImageIds = null)
{
    public IReadOnlyList<string> StageImageIds { get; init; } = StageImageIds ?? [];
}
