using ImageLab.Core.Dockerfiles.Parsing;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// Parses Dockerfile text the way BuildKit's Dockerfile frontend reads it: parser directives, line continuations with
/// either escape character, comments inside continuations, here-documents, JSON and shell forms, ARG and ENV
/// substitution, stages and <c>--from</c> references. It never throws: problems come back as
/// <see cref="DockerfileDocument.Errors"/>, each with its line. The work is done by a <see cref="ParseSession"/> and its
/// parts in <c>Parsing/</c>.
/// </summary>
public static class DockerfileParser
{
    /// <summary>Parses <paramref name="text"/> with no build arguments.</summary>
    public static DockerfileDocument Parse(string? text) => Parse(text, null);

    /// <summary>Parses <paramref name="text"/>; <paramref name="buildArgs"/> are the <c>--build-arg</c> values, which override declared ARG defaults.</summary>
    public static DockerfileDocument Parse(string? text, IReadOnlyDictionary<string, string>? buildArgs)
    {
        // Beyond the limits the text is not read at all, so no input can hold the caller for long.
        if (DockerfileLimits.Check(text) is { } refusal)
        {
            return Failed(refusal);
        }

        try
        {
            return new ParseSession(text ?? "", buildArgs).Run();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Failed($"The parser failed unexpectedly ({exception.GetType().Name}); please report this Dockerfile.");
        }
    }

    private static DockerfileDocument Failed(string message) => new()
    {
        Directives = DockerfileDirectives.Default,
        Instructions = [],
        Stages = [],
        GlobalArgs = [],
        Errors = [new DockerfileError(1, message)],
        LineCount = 0,
    };
}
