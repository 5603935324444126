namespace ImageLab.Data.Queue;

/// <summary>What a lease renewal found, in the build queue and the analysis queue alike.</summary>
public enum LeaseState
{
    /// <summary>Still ours; carry on.</summary>
    Held,

    /// <summary>Still ours, and someone asked to cancel the iteration (builds only).</summary>
    CancelRequested,

    /// <summary>Not ours any more (expired and taken over, or the row is gone): stop without writing.</summary>
    Lost,
}
