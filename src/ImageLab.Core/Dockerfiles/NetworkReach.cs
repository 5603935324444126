namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// The lines of a Dockerfile that make the engine itself reach the network, outside the RUN steps' network mode: a
/// <c># syntax=</c> frontend or a <c>BUILDKIT_SYNTAX</c> build argument (an image the engine pulls and runs), <c>ADD</c> of
/// a URL or a git repository. Each comes with a sentence naming its line. Images that <c>FROM</c> or <c>COPY --from</c>
/// name are listed apart (<see cref="ImagesOf"/>): whether they reach the network depends on what the engine holds.
/// </summary>
public static class NetworkReach
{
    /// <summary>The build argument that picks a frontend image the way <c># syntax=</c> does.</summary>
    public const string SyntaxBuildArg = "BUILDKIT_SYNTAX";

    /// <summary>Sentences for every line of <paramref name="document"/> (and build argument) that reaches the network.</summary>
    public static IReadOnlyList<string> Find(DockerfileDocument document, IReadOnlyDictionary<string, string> buildArgs)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(buildArgs);
        var found = new List<string>();
        if (document.Directives.Syntax is { Length: > 0 } syntax)
        {
            found.Add($"the '# syntax={syntax}' directive makes the engine fetch and run that frontend image");
        }

        if (buildArgs.Keys.FirstOrDefault(k => string.Equals(k, SyntaxBuildArg, StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            found.Add($"the build argument {key}={buildArgs[key]} makes the engine fetch and run that frontend image");
        }

        foreach (var instruction in document.Instructions.Concat(document.Instructions.Select(i => i.Trigger).OfType<DockerfileInstruction>()))
        {
            if (!string.Equals(instruction.Keyword, "ADD", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var words = instruction.ExecForm ?? DockerfileWords.SplitRaw(instruction.Arguments, document.Directives.Escape)
                .Select(w => DockerfileWords.Unquote(w, document.Directives.Escape)).ToList();
            foreach (var source in words.Take(Math.Max(0, words.Count - 1)).Where(IsRemote))
            {
                found.Add($"line {instruction.StartLine}: ADD {source} makes the engine download it");
            }
        }

        return found;
    }

    /// <summary>
    /// The images the build reads that are not its own stages (nor <c>scratch</c>), with the line that names them:
    /// <c>FROM</c>, <c>COPY --from</c> and <c>RUN --mount=from=</c>. The engine pulls any it does not hold.
    /// </summary>
    public static IReadOnlyList<(string Image, int Line)> ImagesOf(DockerfileDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var images = new List<(string, int)>();
        foreach (var stage in document.Stages)
        {
            if (stage.BaseStageIndex is null && !IsScratch(stage.BaseImage))
            {
                images.Add((stage.BaseImage, stage.StartLine));
            }
        }

        foreach (var instruction in document.Instructions)
        {
            var from = instruction.GetFlag("from")?.Value
                ?? instruction.Flags.Where(f => string.Equals(f.Name, "mount", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(f => (f.Value ?? "").Split(','))
                    .Select(p => p.Trim())
                    .FirstOrDefault(p => p.StartsWith("from=", StringComparison.OrdinalIgnoreCase))?[5..];
            if (from is { Length: > 0 } && !IsScratch(from) && !IsStage(document, from, instruction.StageIndex))
            {
                images.Add((from, instruction.StartLine));
            }
        }

        return images;
    }

    private static bool IsStage(DockerfileDocument document, string reference, int stageIndex) =>
        document.FindStage(reference, stageIndex < 0 ? int.MaxValue : stageIndex) is not null;

    private static bool IsScratch(string image) => string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase);

    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.OrdinalIgnoreCase);
}
