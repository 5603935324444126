using System.Text.RegularExpressions;
using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Joins two RUNs in a row with <c>&amp;&amp;</c> when the later one deletes what the earlier one made (a path the earlier
/// one names, or a package manager's cache or lists it left), so that the bytes never reach a layer: the fix for
/// IL006 and the DL3059 cases that matter. Comment lines between the two stay where they are, inside the continuation.
/// </summary>
public sealed partial class JoinRunsRewrite : IDockerfileRewrite
{
    /// <inheritdoc/>
    public string Id => "join-runs";

    /// <inheritdoc/>
    public string Title => "Delete in the RUN that creates";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["IL006", "DL3059"];

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changed = new HashSet<int>();
        var current = context;
        // One pair per pass until none is left, so that a chain (make, delete, delete) becomes one RUN. A join keeps
        // the number of lines (the later RUN's first line becomes the continuation line), so line numbers stay the input's.
        while (FindPair(current) is var (earlier, later))
        {
            var interlude = later.StartLine > earlier.EndLine + 1 ? current.Lines.Raw(earlier.EndLine + 1, later.StartLine - 1) : "";
            var joined = RunContinuation.Append(current, earlier, Body(current, later), newLine: true, interlude) + current.Lines.Ending(later.EndLine);
            if (current.Result([(earlier.StartLine, later.EndLine, joined)]) is not { } result)
            {
                break;
            }

            changed.UnionWith(result.ChangedLines);
            current = new DockerfileRewriteContext(result.Text, context.Options);
        }

        return changed.Count == 0 ? null : new DockerfileRewriteResult(current.Text, changed.Min(), changed);
    }

    private static (DockerfileInstruction Earlier, DockerfileInstruction Later)? FindPair(DockerfileRewriteContext context)
    {
        var editable = context.EditableRuns().ToHashSet();
        foreach (var stage in context.Document.Stages)
        {
            for (var i = 0; i + 1 < stage.Instructions.Count; i++)
            {
                var (earlier, later) = (stage.Instructions[i], stage.Instructions[i + 1]);
                if (editable.Contains(earlier) && editable.Contains(later) && SameFlags(earlier, later)
                    && OnlyCommentsBetween(context, earlier, later) && RunContinuation.CanContinue(context, earlier)
                    && OnlyAndChained(context, later) && DeletesWhatEarlierMade(context, earlier, later))
                {
                    return (earlier, later);
                }
            }
        }

        return null;
    }

    private static bool DeletesWhatEarlierMade(DockerfileRewriteContext context, DockerfileInstruction earlier, DockerfileInstruction later)
    {
        var made = context.Rules.GetCommands(earlier);
        var deletes = context.Rules.GetCommands(later).Where(c => c.Is("rm")).ToList();
        var paths = made.SelectMany(c => c.Arguments).Where(a => a.StartsWith('/') && a.Length > 1).Select(a => a.TrimEnd('/')).ToList();
        return deletes.Any(d => CacheKind.RemovesPath(d, paths))
            || PackageCaches.All.Any(kind => made.Any(kind.Creates) && deletes.Any(kind.Cleans));
    }

    // Joined as 'earlier && later', the later script must not change meaning: only && and pipes between its commands.
    private static bool OnlyAndChained(DockerfileRewriteContext context, DockerfileInstruction run) =>
        context.Rules.GetCommands(run).All(c => c.Separator is "" or "&&" or "|");

    private static bool SameFlags(DockerfileInstruction a, DockerfileInstruction b) =>
        a.Flags.Count == b.Flags.Count && a.Flags.Zip(b.Flags).All(p => p.First == p.Second);

    private static bool OnlyCommentsBetween(DockerfileRewriteContext context, DockerfileInstruction earlier, DockerfileInstruction later) =>
        Enumerable.Range(earlier.EndLine + 1, later.StartLine - earlier.EndLine - 1)
            .All(n => context.Lines[n].TrimStart().StartsWith('#'));

    // The later RUN without its keyword and flags, without its last line's ending: its first line's script, then its continuation lines as written.
    private static string Body(DockerfileRewriteContext context, DockerfileInstruction later)
    {
        var script = RunKeyword().Replace(context.Lines[later.StartLine], "", 1);
        return later.EndLine == later.StartLine
            ? script
            : script + context.Lines.Ending(later.StartLine) + context.Lines.Raw(later.StartLine + 1, later.EndLine - 1) + context.Lines[later.EndLine];
    }

    [GeneratedRegex(@"^\s*RUN\s+(?:--\S+\s+)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunKeyword();
}
