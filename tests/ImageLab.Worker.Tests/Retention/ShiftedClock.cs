namespace ImageLab.Worker.Tests.Retention;

/// <summary>The system clock moved by <see cref="Shift"/>: a sweep that runs days after the builds it sweeps.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; set; } = shift;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
