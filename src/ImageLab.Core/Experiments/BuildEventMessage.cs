using System.Text.Json.Serialization;

namespace ImageLab.Core.Experiments;

/// <summary>
/// One stored, sequence-numbered event of an experiment: a status change, a step's progress or a log line.
/// Sequences grow across the whole store; a client that saw sequence N asks for events after N.
/// </summary>
public sealed record BuildEventMessage
{
    public required long Sequence { get; init; }

    public required long ExperimentId { get; init; }

    public required long IterationId { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<BuildEventType>))]
    public required BuildEventType Type { get; init; }

    public required DateTimeOffset At { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<IterationStatus>))]
    public IterationStatus? Status { get; init; }

    public int? Step { get; init; }

    public int? TotalSteps { get; init; }

    public bool Cached { get; init; }

    /// <summary>The log line, step name, warning or failure reason.</summary>
    public string? Text { get; init; }
}
