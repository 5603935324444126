namespace ImageLab.Testing;

/// <summary>
/// The system clock moved by <see cref="Shift"/>: a sweep that runs days after the builds it sweeps, or a worker whose
/// clock disagrees with the database's.
/// </summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; set; } = shift;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
