using System.Globalization;
using System.Text;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// The bounds every Dockerfile entry point enforces (the analyze API, the experiment intake for files, archives and the
/// form) and the parser itself keeps to, so that no text can hold a request thread or exhaust the stack. One rule in
/// one place: callers ask <see cref="Check"/> and answer its sentence as a 400.
/// </summary>
public static class DockerfileLimits
{
    /// <summary>The largest Dockerfile accepted, in UTF-8 bytes (1 MB); real ones are a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How deep <c>${A:-${B:-...}}</c> substitutions may nest; BuildKit users rarely go past two.</summary>
    public const int MaxSubstitutionDepth = 32;

    /// <summary>
    /// How much text the ARG, ENV and FROM substitutions of one Dockerfile may produce in all, in characters (4 MB):
    /// values that double each other line after line would otherwise grow exponentially.
    /// </summary>
    public const int MaxExpandedChars = 4 * MaxBytes;

    /// <summary>The most lines a Dockerfile may have (here-documents included); long ones have a few hundred.</summary>
    public const int MaxLines = 10_000;

    /// <summary>How many build stages (lines that start with FROM) a Dockerfile may have; each stage copies its parent's environment.</summary>
    public const int MaxStages = 128;

    /// <summary>
    /// The most simple commands <see cref="ShellScript.Split"/> reads from one script: as many as <see cref="MaxLines"/>
    /// lines can hold one to a line, so only a line that chains commands (<c>a | a | ...</c>, <c>true &amp;&amp; ...</c>)
    /// reaches it. Past it the rest of the script is not read, so that every rule's work on a RUN stays bounded.
    /// </summary>
    public const int MaxShellCommands = MaxLines;

    /// <summary>
    /// The sentence that explains why <paramref name="text"/> is refused, or <see langword="null"/> when it is within
    /// the limits. Linear in the length of the text.
    /// </summary>
    public static string? Check(string? text, string? name = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var what = name is null ? "The Dockerfile" : $"The Dockerfile '{name}'";
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return $"{what} is larger than {MaxBytes / 1024 / 1024} MB; a Dockerfile is a few kilobytes.";
        }

        var depth = 0;
        var line = 1;
        var stages = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || i == 0)
            {
                line += c == '\n' ? 1 : 0;
                if (line > MaxLines && i + 1 < text.Length)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{what} has more than {MaxLines:N0} lines; split what it runs into scripts in the build context.");
                }

                if (StartsWithFrom(text, c == '\n' ? i + 1 : i) && ++stages > MaxStages)
                {
                    return $"{what} has more than {MaxStages} build stages (FROM lines); line {line} starts one too many.";
                }
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                if (++depth > MaxSubstitutionDepth)
                {
                    return $"{what} nests variable substitutions (${{A:-${{B:-...}}}}) more than {MaxSubstitutionDepth} deep on line {line}; flatten them into separate ARG instructions.";
                }

                i++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
        }

        return null;
    }

    private static bool StartsWithFrom(string text, int start)
    {
        var line = text.AsSpan(start);
        line = line.TrimStart(" \t");
        return line.Length > 4 && line.StartsWith("FROM", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(line[4]);
    }
}
