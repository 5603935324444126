namespace ImageLab.Core.Dockerfiles;

/// <summary>A build stage: one FROM instruction and the instructions after it up to the next FROM.</summary>
public sealed record DockerfileStage
{
    /// <summary>The 0-based position of the stage, as <c>--from=0</c> refers to it.</summary>
    public required int Index { get; init; }

    /// <summary>The lower-cased name given with <c>AS name</c>, or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The base image after ARG substitution (e.g. <c>python:3.12-slim</c>), or an earlier stage's name.</summary>
    public required string BaseImage { get; init; }

    /// <summary>The base image as written, before substitution.</summary>
    public required string BaseImageAsWritten { get; init; }

    /// <summary>The index of the earlier stage this stage is based on (<c>FROM builder</c>), or <see langword="null"/> for an image.</summary>
    public int? BaseStageIndex { get; init; }

    /// <summary>The <c>--platform</c> flag of the FROM instruction, if any.</summary>
    public string? Platform { get; init; }

    /// <summary>The 1-based line of the FROM instruction.</summary>
    public required int StartLine { get; init; }

    /// <summary>The 1-based last line of the stage.</summary>
    public required int EndLine { get; init; }

    /// <summary>The stage's instructions, starting with its FROM.</summary>
    public required IReadOnlyList<DockerfileInstruction> Instructions { get; init; }

    /// <summary>The name if the stage has one, otherwise its index, as a build log shows it.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
