namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>A clock the test sets; timers still run on real time.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
