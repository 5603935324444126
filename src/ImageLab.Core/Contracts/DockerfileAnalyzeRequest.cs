using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Contracts;

/// <summary>The JSON body of <c>POST /api/dockerfiles/analyze</c>.</summary>
/// <param name="Dockerfile">The Dockerfile's text.</param>
/// <param name="ContextFiles">The build context's files (path and size), or <see langword="null"/> when unknown, which turns off the rules that need them.</param>
/// <param name="Target">The <c>--target</c> stage, or <see langword="null"/> for the last stage.</param>
public sealed record DockerfileAnalyzeRequest(string? Dockerfile, IReadOnlyList<DockerfileContextFile>? ContextFiles = null, string? Target = null);
