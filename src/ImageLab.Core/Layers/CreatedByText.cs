using System.Text.RegularExpressions;

namespace ImageLab.Core.Layers;

/// <summary>
/// A layer's <c>docker history</c> created-by as the Dockerfile instruction it was: without the shell prefix, the
/// classic builder's build-argument preamble and BuildKit's marker.
/// </summary>
public static partial class CreatedByText
{
    /// <summary>"/bin/sh -c #(nop) COPY dir:… in /app" → "COPY dir:… in /app"; "|2 A=1 B=2 /bin/sh -c make" → "RUN make"; "" when blank.</summary>
    public static string Instruction(string? createdBy)
    {
        if (string.IsNullOrWhiteSpace(createdBy))
        {
            return "";
        }

        var text = createdBy.Trim();
        if (text.EndsWith("# buildkit", StringComparison.Ordinal))
        {
            text = text[..^"# buildkit".Length].TrimEnd();
        }

        text = ArgPreamble().Replace(text, "");
        if (text.StartsWith("/bin/sh -c #(nop)", StringComparison.Ordinal))
        {
            return text["/bin/sh -c #(nop)".Length..].Trim();
        }

        if (text.StartsWith("/bin/sh -c ", StringComparison.Ordinal))
        {
            return "RUN " + text["/bin/sh -c ".Length..].Trim();
        }

        if (text.StartsWith("RUN /bin/sh -c ", StringComparison.Ordinal))
        {
            return "RUN " + text["RUN /bin/sh -c ".Length..].Trim();
        }

        return text;
    }

    // "|2 A=1 B=2 /bin/sh -c ..." is how the classic builder records build args before the command.
    [GeneratedRegex(@"^(RUN\s+)?\|\d+(\s+\S+=\S*)*\s+")]
    private static partial Regex ArgPreamble();
}
