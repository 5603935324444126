namespace ImageLab.Data.Notifications;

/// <summary>
/// One stored batch of an experiment's events, announced by <paramref name="Origin"/>; or, when
/// <paramref name="Resumed"/> is true, a sign that the listener reconnected and may have missed some.
/// </summary>
public sealed record EventNotification(long ExperimentId, long FirstSequence, long LastSequence, string Origin, bool Resumed = false)
{
    public static EventNotification AfterReconnect { get; } = new(0, 0, 0, "", Resumed: true);

    /// <summary>The payload: <c>experimentId:first:last:origin</c>, far below PostgreSQL's 8,000-byte limit.</summary>
    public string ToPayload() => FormattableString.Invariant($"{ExperimentId}:{FirstSequence}:{LastSequence}:{Origin}");

    public static EventNotification? Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':');
        return parts.Length == 4
            && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var experimentId)
            && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
            && long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)
            ? new EventNotification(experimentId, first, last, parts[3])
            : null;
    }
}
