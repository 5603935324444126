namespace ImageLab.Core.Dockerfiles;

/// <summary>A parsed Dockerfile and the advice about it.</summary>
/// <param name="Document">The parsed Dockerfile, with its stages and parser errors.</param>
/// <param name="Findings">The findings ordered by line, including parser errors as <c>IL000</c> findings.</param>
public sealed record DockerfileAnalysis(DockerfileDocument Document, IReadOnlyList<Finding> Findings);
