namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>A build stage while the parser reads it; <see cref="ToStage"/> makes the document's <see cref="DockerfileStage"/>.</summary>
/// <param name="From">Its FROM instruction, the first of <see cref="Body"/>.</param>
/// <param name="Name">The lower-cased name given with <c>AS</c>, if valid.</param>
/// <param name="BaseImage">The base image with the global ARGs substituted, or an earlier stage's name.</param>
/// <param name="BaseImageAsWritten">The base image as written.</param>
/// <param name="BaseStageIndex">The earlier stage it builds on, if <see cref="BaseImage"/> names one.</param>
/// <param name="Env">The ENV values set so far, its base stage's included: a stage built on it starts from a copy.</param>
internal sealed record ParsedStage(
    DockerfileInstruction From, string? Name, string BaseImage, string BaseImageAsWritten, int? BaseStageIndex, Dictionary<string, string?> Env)
{
    /// <summary>The stage's instructions so far, starting with its FROM.</summary>
    public List<DockerfileInstruction> Body { get; } = [From];

    public DockerfileStage ToStage(int index) => new()
    {
        Index = index,
        Name = Name,
        BaseImage = BaseImage,
        BaseImageAsWritten = BaseImageAsWritten,
        BaseStageIndex = BaseStageIndex,
        Platform = From.GetFlag("platform")?.Value,
        StartLine = From.StartLine,
        EndLine = Body[^1].EndLine,
        Instructions = Body,
    };
}
