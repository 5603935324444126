using System.Text.RegularExpressions;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// The shared shape of the rewrites that add an option to a command (<c>apt-get install --no-install-recommends</c>,
/// <c>pip install --no-cache-dir</c>...): in every editable RUN, the option goes right after the sub-command of each
/// command that needs it. The command heads are found in the RUN's text as written (so continuations, spacing and
/// comments stay); when the text and the shell reading disagree on how many there are, the RUN is left alone.
/// </summary>
public abstract class CommandOptionRewrite : IDockerfileRewrite
{
    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public abstract string Title { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<string> RuleIds { get; }

    /// <summary>The option to insert, with its leading space (<c> --no-cache-dir</c>).</summary>
    protected abstract string Option { get; }

    /// <summary>
    /// The pattern of a command head up to its sub-command, where <c>{WS}</c> stands for spaces and escaped line breaks
    /// (<c>apt(?:-get)?{WS}...install</c>).
    /// </summary>
    protected abstract string HeadPattern { get; }

    /// <summary>Whether the shell reader's command is one this rewrite's pattern finds.</summary>
    protected abstract bool IsHead(ShellCommand command);

    /// <summary>Whether the command lacks the option and should get it.</summary>
    protected abstract bool Needs(DockerfileRewriteContext context, DockerfileInstruction run, ShellCommand command);

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var head = CreateHeadRegex(context.Escape);
        var replacements = new List<(int, int, string)>();
        foreach (var run in context.EditableRuns())
        {
            var heads = context.Rules.GetCommands(run).Where(IsHead).ToList();
            if (heads.Count == 0)
            {
                continue;
            }

            var raw = context.Lines.Raw(run.StartLine, run.EndLine);
            var matches = head.Matches(raw).Where(m => !IsOnCommentLine(raw, m.Index)).ToList();
            if (matches.Count != heads.Count)
            {
                continue;
            }

            var edited = raw;
            for (var i = matches.Count - 1; i >= 0; i--)
            {
                if (Needs(context, run, heads[i]))
                {
                    var end = matches[i].Index + matches[i].Length;
                    edited = edited[..end] + Option + edited[end..];
                }
            }

            if (edited != raw)
            {
                replacements.Add((run.StartLine, run.EndLine, edited));
            }
        }

        return context.Result(replacements);
    }

    private Regex CreateHeadRegex(char escape)
    {
        var space = $@"(?:[ \t]|{Regex.Escape(escape.ToString())}\r?\n)+";
        var pattern = @"(?<![\w./-])(?:[\w./-]*/)?" + HeadPattern.Replace("{WS}", space, StringComparison.Ordinal) + @"(?![\w-])";
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static bool IsOnCommentLine(string raw, int index)
    {
        var lineStart = raw.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return lineStart > 0 && raw.AsSpan(lineStart).TrimStart(" \t").StartsWith("#");
    }
}
