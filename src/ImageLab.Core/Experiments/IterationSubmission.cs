namespace ImageLab.Core.Experiments;

/// <summary>One Dockerfile of a submission: its name in the UI, its path in the context and its text.</summary>
public sealed record IterationSubmission(string Name, string DockerfilePath, string DockerfileText);
