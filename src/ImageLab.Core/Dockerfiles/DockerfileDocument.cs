namespace ImageLab.Core.Dockerfiles;

/// <summary>A parsed Dockerfile: its directives, instructions, stages and the errors found on the way.</summary>
public sealed record DockerfileDocument
{
    /// <summary>The parser directives at the top of the file.</summary>
    public required DockerfileDirectives Directives { get; init; }

    /// <summary>Every instruction in file order, including the ARGs before the first FROM.</summary>
    public required IReadOnlyList<DockerfileInstruction> Instructions { get; init; }

    /// <summary>The build stages in file order.</summary>
    public required IReadOnlyList<DockerfileStage> Stages { get; init; }

    /// <summary>The ARG definitions before the first FROM (usable only in FROM lines).</summary>
    public required IReadOnlyList<VariableDefinition> GlobalArgs { get; init; }

    /// <summary>The problems found, each with its line; empty for a valid Dockerfile.</summary>
    public required IReadOnlyList<DockerfileError> Errors { get; init; }

    /// <summary>The number of lines in the file.</summary>
    public required int LineCount { get; init; }

    /// <summary>Whether the parser found no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The last stage, which a build without <c>--target</c> produces; <see langword="null"/> when there is none.</summary>
    public DockerfileStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>
    /// Finds the stage a <c>--from</c> value or a FROM image refers to: a stage name (case-insensitive) or an index,
    /// among the stages before <paramref name="beforeStageIndex"/>. Returns <see langword="null"/> when it names an image.
    /// </summary>
    public DockerfileStage? FindStage(string reference, int beforeStageIndex = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var limit = Math.Min(beforeStageIndex, Stages.Count);
        for (var i = 0; i < limit; i++)
        {
            if (Stages[i].Name is { } name && string.Equals(name, reference, StringComparison.OrdinalIgnoreCase))
            {
                return Stages[i];
            }
        }

        if (reference.Length > 0 && reference.All(char.IsAsciiDigit)
            && int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < limit)
        {
            return Stages[index];
        }

        return null;
    }
}
