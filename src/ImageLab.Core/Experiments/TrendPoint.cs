namespace ImageLab.Core.Experiments;

/// <summary>One point of a project's size trend: an experiment and the size of its final iteration.</summary>
public sealed record TrendPoint(long ExperimentId, string ExperimentName, DateTimeOffset CreatedAt, string IterationName, long SizeBytes);
