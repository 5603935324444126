using ImageLab.Core.Dockerfiles;

namespace ImageLab.Core.Contracts;

/// <summary>One build stage of a Dockerfile: its name (<see langword="null"/> when unnamed), its base image and its first line.</summary>
public sealed record DockerfileStageResponse(string? Name, string BaseImage, int StartLine)
{
    public static DockerfileStageResponse From(DockerfileStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return new DockerfileStageResponse(stage.Name, stage.BaseImage, stage.StartLine);
    }
}
