namespace ImageLab.Data.Stores;

/// <summary>How many iterations wait for a worker and how many are being built or measured, across all workers.</summary>
public sealed record QueueDepth(long Queued, long Building);
