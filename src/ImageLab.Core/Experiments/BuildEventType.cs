namespace ImageLab.Core.Experiments;

public enum BuildEventType
{
    /// <summary>The iteration's status changed; <see cref="BuildEventMessage.Status"/> holds the new one.</summary>
    Status,

    StepStarted,

    StepCompleted,

    Log,

    Warning,
}
