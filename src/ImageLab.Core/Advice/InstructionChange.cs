using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Advice;

/// <summary>
/// One aligned row of two Dockerfiles: the instruction in the first (<see cref="Before"/>) and in the second
/// (<see cref="After"/>) iteration, with the total size of the layers each produced in its image; a size is
/// <see langword="null"/> when the instruction made no layer in the image (a builder stage, or not built).
/// </summary>
public sealed record InstructionChange(
    ChangeKind Kind,
    DockerfileInstruction? Before,
    DockerfileInstruction? After,
    long? SizeBeforeBytes,
    long? SizeAfterBytes)
{
    /// <summary>The size change from the first iteration to the second, or <see langword="null"/> when neither side measured a layer.</summary>
    public long? DeltaBytes => SizeBeforeBytes is null && SizeAfterBytes is null ? null : (SizeAfterBytes ?? 0) - (SizeBeforeBytes ?? 0);
}
