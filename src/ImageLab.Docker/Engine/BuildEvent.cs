namespace ImageLab.Docker.Engine;

/// <summary>
/// One piece of build progress, the same for both builders. Steps are numbered from 1;
/// <see cref="TotalSteps"/> is known for the classic builder up front and grows for BuildKit as
/// vertexes appear.
/// </summary>
public sealed record BuildEvent(
    BuildEventKind Kind,
    int? Step = null,
    int? TotalSteps = null,
    string? Text = null,
    bool Cached = false,
    TimeSpan? Duration = null);
