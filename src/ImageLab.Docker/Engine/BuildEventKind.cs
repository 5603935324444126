namespace ImageLab.Docker.Engine;

public enum BuildEventKind
{
    /// <summary>A step began; <see cref="BuildEvent.Text"/> is its name (e.g. <c>RUN apt-get update</c>).</summary>
    StepStarted,

    /// <summary>A step ended; <see cref="BuildEvent.Cached"/> and <see cref="BuildEvent.Duration"/> say how.</summary>
    StepCompleted,

    /// <summary>A line of output (a RUN step's or the builder's own).</summary>
    Log,

    /// <summary>A warning from the builder.</summary>
    Warning,

    /// <summary>The build failed; <see cref="BuildEvent.Text"/> is the engine's message.</summary>
    Error,
}
