namespace ImageLab.Web.Tests.Infrastructure;

/// <summary>A submitted iteration that built: its experiment, its id, and the image the engine made.</summary>
public sealed record BuiltIteration(long ExperimentId, long Id, string? ImageId, long? SizeBytes);
