namespace ImageLab.Core.Dockerfiles;

/// <summary>A problem the parser found, on a 1-based line of the Dockerfile.</summary>
/// <param name="Line">The 1-based line the problem is on.</param>
/// <param name="Message">A sentence that says what is wrong.</param>
public sealed record DockerfileError(int Line, string Message);
