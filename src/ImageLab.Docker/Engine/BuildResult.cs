namespace ImageLab.Docker.Engine;

/// <summary>How a build ended. <see cref="ImageId"/> is set when it succeeded.</summary>
public sealed record BuildResult(
    bool Succeeded,
    string? ImageId,
    string? Error,
    int TotalSteps,
    int CachedSteps,
    TimeSpan Duration);
