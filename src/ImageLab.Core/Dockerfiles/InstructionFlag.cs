namespace ImageLab.Core.Dockerfiles;

/// <summary>A <c>--name=value</c> flag of an instruction, such as <c>--from=builder</c> or <c>--mount=type=cache,target=/root/.cache</c>.</summary>
/// <param name="Name">The flag's name without the leading dashes, lower-cased.</param>
/// <param name="Value">The value after <c>=</c>, or <see langword="null"/> for a bare flag such as <c>--link</c>.</param>
public sealed record InstructionFlag(string Name, string? Value);
