namespace ImageLab.Docker.Engine;

/// <summary>
/// One piece of build progress, the same for both builders. Steps are numbered from 1;
/// <see cref="TotalSteps"/> is known for the classic builder up front and grows for BuildKit as
/// vertexes appear. <see cref="Stage"/> is BuildKit's stage name for steps of a named or later stage
/// (<c>builder</c>, <c>stage-1</c>), null otherwise.
/// </summary>
public sealed record BuildEvent(
    BuildEventKind Kind,
    int? Step = null,
    int? TotalSteps = null,
    string? Text = null,
    bool Cached = false,
    TimeSpan? Duration = null,
    string? Stage = null);
