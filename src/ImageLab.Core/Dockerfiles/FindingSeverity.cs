namespace ImageLab.Core.Dockerfiles;

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>Advice worth reading; the image may be fine as it is.</summary>
    Info,

    /// <summary>The image carries bytes it does not need, or the build is fragile.</summary>
    Warning,

    /// <summary>The Dockerfile is broken: the engine will refuse or misread it.</summary>
    Error,
}
