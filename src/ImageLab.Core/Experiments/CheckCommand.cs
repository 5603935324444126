namespace ImageLab.Core.Experiments;

/// <summary>
/// The command that says whether an image still does its job: run in a container of the image (no network, a memory
/// limit, a timeout), it passes when it exits 0 and its output contains <paramref name="Expect"/> (when set).
/// </summary>
/// <param name="Command">The words of the command, run without a shell (the first is the program).</param>
/// <param name="Expect">Text the output (standard output and error) must contain; null when only the exit code counts.</param>
public sealed record CheckCommand(IReadOnlyList<string> Command, string? Expect);
