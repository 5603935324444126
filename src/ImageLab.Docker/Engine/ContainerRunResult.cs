namespace ImageLab.Docker.Engine;

/// <summary>How a container run ended.</summary>
/// <param name="ExitCode">The command's exit code; null when it was killed at the timeout.</param>
/// <param name="Output">Standard output and error as written, cut at the request's limit (UTF-8, raw: mask it before showing it).</param>
/// <param name="TimedOut">The command ran past the timeout and was killed.</param>
/// <param name="OutOfMemory">The kernel killed it for passing the memory limit.</param>
/// <param name="OutputTruncated">The output was longer than the limit; the rest was not read.</param>
/// <param name="StartError">The engine could not start the command (no such program, say); null when it ran.</param>
public sealed record ContainerRunResult(long? ExitCode, string Output, bool TimedOut, bool OutOfMemory, bool OutputTruncated, string? StartError = null)
{
    public bool Succeeded => StartError is null && !TimedOut && !OutOfMemory && ExitCode == 0;
}
