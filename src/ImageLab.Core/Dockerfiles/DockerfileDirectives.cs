namespace ImageLab.Core.Dockerfiles;

/// <summary>The parser directives at the top of a Dockerfile (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>).</summary>
/// <param name="Syntax">The frontend image named by <c># syntax=</c>, if any.</param>
/// <param name="Escape">The escape character: a backslash unless <c># escape=`</c> chose the backtick.</param>
/// <param name="Check">The value of <c># check=</c>, if any.</param>
public sealed record DockerfileDirectives(string? Syntax, char Escape, string? Check)
{
    /// <summary>No directives: backslash escapes.</summary>
    public static DockerfileDirectives Default { get; } = new(null, '\\', null);
}
