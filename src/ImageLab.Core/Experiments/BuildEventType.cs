namespace ImageLab.Core.Experiments;

public enum BuildEventType
{
    /// <summary>The iteration's status changed; <see cref="BuildEventMessage.Status"/> holds the new one.</summary>
    Status,

    StepStarted,

    StepCompleted,

    Log,

    Warning,

    /// <summary>The layer analysis of a built iteration is over (stored, failed, or turned off): push sizes and waste can be read again.</summary>
    Analyzed,
}
