namespace ImageLab.Core.Dockerfiles;

/// <summary>One file of the build context, as far as the advisor needs to know it.</summary>
/// <param name="Path">The path relative to the context root, with forward slashes (e.g. <c>models/model.bin</c>, <c>.dockerignore</c>).</param>
/// <param name="SizeBytes">The file's size in bytes.</param>
public sealed record DockerfileContextFile(string Path, long SizeBytes);
