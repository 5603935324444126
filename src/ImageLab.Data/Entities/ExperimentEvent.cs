using ImageLab.Core.Experiments;

namespace ImageLab.Data.Entities;

/// <summary>
/// The append-only event log of experiments, log lines included. <see cref="Sequence"/> is assigned by the
/// database and grows across the whole table, so "events after N" is one indexed range.
/// </summary>
public sealed class ExperimentEvent
{
    public long Sequence { get; set; }

    public long ExperimentId { get; set; }

    public long IterationId { get; set; }

    public BuildEventType Type { get; set; }

    public DateTimeOffset At { get; set; }

    public IterationStatus? Status { get; set; }

    public int? Step { get; set; }

    public int? TotalSteps { get; set; }

    public bool Cached { get; set; }

    public string? Text { get; set; }
}
