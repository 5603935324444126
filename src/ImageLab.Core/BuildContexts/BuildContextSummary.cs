namespace ImageLab.Core.BuildContexts;

/// <summary>What went into a packaged build context.</summary>
/// <param name="FileCount">Files and links written.</param>
/// <param name="TotalBytes">What counted against the limit: contents, headers, names and link targets.</param>
/// <param name="ExcludedCount">Entries <c>.dockerignore</c> left out.</param>
/// <param name="DockerfileTexts">
/// Each Dockerfile's text as written into the context (UTF-8), taken while writing so that nobody reads the tar back for
/// it; <see langword="null"/> for one larger than <see cref="Dockerfiles.DockerfileLimits.MaxBytes"/>.
/// </param>
public sealed record BuildContextSummary(int FileCount, long TotalBytes, int ExcludedCount, IReadOnlyDictionary<string, string?> DockerfileTexts);
