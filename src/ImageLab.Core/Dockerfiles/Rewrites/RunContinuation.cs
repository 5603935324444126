namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Adds a command after the last one of a shell-form RUN with <c>&amp;&amp;</c>, in the RUN's own layout: on the same
/// line for a one-line RUN, else on a continuation line indented like the RUN's others, with the <c>&amp;&amp;</c> where the
/// author puts it (leading or trailing).
/// </summary>
internal static class RunContinuation
{
    /// <summary>Whether a command can be added after the RUN: its script ends in a plain command, and its last line has no comment or trailing escape.</summary>
    public static bool CanContinue(DockerfileRewriteContext context, DockerfileInstruction run)
    {
        var commands = context.Rules.GetCommands(run);
        var last = context.Lines[run.EndLine].TrimEnd();
        return commands.Count > 0 && commands[^1].Separator.Length == 0
            && !last.Contains('#', StringComparison.Ordinal) && !last.EndsWith(context.Escape)
            && !last.EndsWith(';') && !last.EndsWith('&') && !last.EndsWith('|');
    }

    /// <summary>
    /// The RUN's lines with <paramref name="command"/> appended, without the last line's ending: a one-line RUN keeps it
    /// on its line unless <paramref name="newLine"/>; on a new line, <paramref name="interlude"/> (whole lines, such as
    /// comments) comes before it.
    /// </summary>
    public static string Append(DockerfileRewriteContext context, DockerfileInstruction run, string command, bool newLine, string interlude = "")
    {
        var lines = context.Lines;
        var before = run.EndLine > run.StartLine ? lines.Raw(run.StartLine, run.EndLine - 1) : "";
        var last = lines[run.EndLine].TrimEnd();
        var ending = lines.Ending(run.EndLine).Length > 0 ? lines.Ending(run.EndLine) : lines.Newline;
        if (run.EndLine == run.StartLine && !newLine)
        {
            return last + " && " + command;
        }

        var (indent, trailing) = Style(context, run);
        return trailing
            ? before + last + " && " + context.Escape + ending + interlude + indent + command
            : before + last + " " + context.Escape + ending + interlude + indent + "&& " + command;
    }

    private static (string Indent, bool Trailing) Style(DockerfileRewriteContext context, DockerfileInstruction run)
    {
        if (run.EndLine == run.StartLine)
        {
            return (" ", false);
        }

        var second = context.Lines[run.StartLine + 1];
        var indent = second[..(second.Length - second.TrimStart(" \t").Length)];
        var first = context.Lines[run.StartLine].TrimEnd().TrimEnd(context.Escape).TrimEnd();
        var trailing = first.EndsWith("&&", StringComparison.Ordinal) && !second.TrimStart().StartsWith("&&", StringComparison.Ordinal);
        return (indent.Length == 0 ? " " : indent, trailing);
    }
}
