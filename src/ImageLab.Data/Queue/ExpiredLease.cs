using ImageLab.Core.Experiments;

namespace ImageLab.Data.Queue;

/// <summary>An iteration whose worker stopped renewing its lease, and what became of it.</summary>
public sealed record ExpiredLease(long IterationId, long ExperimentId, IterationStatus NewStatus, int Attempt);
