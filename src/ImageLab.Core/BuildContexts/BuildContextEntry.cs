namespace ImageLab.Core.BuildContexts;

/// <summary>
/// One uploaded file of a build context: its path inside the context (forward slashes) and a way to
/// open its content. <paramref name="OpenRead"/> may be called more than once (e.g. for the
/// <c>.dockerignore</c>), so it must return a fresh stream each time.
/// </summary>
public sealed record BuildContextEntry(string Path, Func<Stream> OpenRead, long Length);
