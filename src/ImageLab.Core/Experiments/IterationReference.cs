namespace ImageLab.Core.Experiments;

/// <summary>Names an iteration of some experiment, for pickers.</summary>
public sealed record IterationReference(long ExperimentId, string ExperimentName, long IterationId, int Ordinal, string IterationName, long? SizeBytes, DateTimeOffset CreatedAt);
