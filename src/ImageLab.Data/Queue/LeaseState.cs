namespace ImageLab.Data.Queue;

public enum LeaseState
{
    /// <summary>Still ours; carry on.</summary>
    Held,

    /// <summary>Still ours, and someone asked to cancel the iteration.</summary>
    CancelRequested,

    /// <summary>Not ours any more (expired and taken over, or the row is gone): stop without writing.</summary>
    Lost,
}
