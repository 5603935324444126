namespace ImageLab.Core.Contracts;

/// <summary>The answer of <c>POST /api/dockerfiles/analyze</c>: the advisor's findings and the Dockerfile's stages.</summary>
public sealed record DockerfileAnalysisResponse(IReadOnlyList<DockerfileFindingResponse> Findings, IReadOnlyList<DockerfileStageResponse> Stages);
