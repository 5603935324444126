using System.Text;
using System.Text.RegularExpressions;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Dockerfiles.Rules;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// Leaves large context files out of the image, the fix for IL005 (and for IL004 when the context has no
/// <c>.dockerignore</c> yet): each file from IL005's threshold that a COPY or ADD of the final image takes from the
/// context becomes a <c>.dockerignore</c> entry when it is model weights or when no later instruction names it (a RUN,
/// CMD, ENTRYPOINT, COPY or ADD naming the file or one of its folders keeps it). The entries are appended to the
/// context's own <c>.dockerignore</c>, kept byte for byte, or make a new one; for model weights the Dockerfile gets a
/// comment above the COPY saying how to mount them at run time. Needs the context's file list
/// (<see cref="DockerfileRewriteOptions.ContextFiles"/>); a file the <c>.dockerignore</c> already leaves out does not
/// count, so applying the rewrite to its own output (with its <c>.dockerignore</c>) changes nothing.
/// </summary>
public sealed class ContextFilesOutRewrite : IDockerfileRewrite
{
    /// <summary>The rewrite's id.</summary>
    public const string RewriteId = "context-files-out";

    /// <summary>The comment above the entries this rewrite appends to a <c>.dockerignore</c>.</summary>
    public const string EntriesHeader = "# Large files the image does not need, left out by ImageLab (context-files-out)";

    private static readonly HashSet<string> Naming = new(StringComparer.Ordinal) { "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD" };

    /// <inheritdoc/>
    public string Id => RewriteId;

    /// <inheritdoc/>
    public string Title => "Large context files left out (.dockerignore), model weights mounted";

    /// <inheritdoc/>
    public IReadOnlyList<string> RuleIds => ["IL005", "IL004"];

    /// <summary>
    /// The <c>.dockerignore</c> a suggestion written from <paramref name="sourceDockerfile"/> builds with when it has this
    /// transformation: the rewriter applies it first, to the source itself, so the source and the context decide it alone.
    /// Null when the transformation does not apply.
    /// </summary>
    public static DockerIgnoreChange? ChangeFor(string sourceDockerfile, ContextInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var options = new DockerfileRewriteOptions { ContextFiles = inventory.Files, DockerIgnore = inventory.DockerIgnore };
        return new ContextFilesOutRewrite().Apply(new DockerfileRewriteContext(sourceDockerfile, options))?.DockerIgnore is { } after
            ? new DockerIgnoreChange(inventory.DockerIgnore, after)
            : null;
    }

    /// <summary>
    /// Whether a COPY or ADD of the final image takes files from the build context: the only Dockerfiles for which the
    /// context's file list is worth reading (it means reading the whole stored context).
    /// </summary>
    public static bool CopiesFromContext(string dockerfile)
    {
        var document = DockerfileParser.Parse(dockerfile);
        return document.IsValid && new DockerfileRuleContext(document).FinalImageStages
            .SelectMany(s => s.Instructions)
            .Any(i => i.Keyword is "COPY" or "ADD" && i.GetFlag("from") is null);
    }

    /// <inheritdoc/>
    public DockerfileRewriteResult? Apply(DockerfileRewriteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Document.IsValid || context.Options.ContextFiles is not { } files || ReadIgnore(context.Options.DockerIgnore) is not { } ignore)
        {
            return null;
        }

        var large = files
            .Select(f => f with { Path = ContextPath.Clean(f.Path) })
            .Where(f => f.SizeBytes >= context.Options.LargeFileThresholdBytes && CanBeListed(f.Path) && !ignore.IsExcluded(f.Path))
            .DistinctBy(f => f.Path)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var leftOut = new List<DockerfileContextFile>();
        var notes = new List<(int First, int Last, string Text)>();
        var compiled = new Dictionary<string, Regex?>(StringComparer.Ordinal);
        int? firstLine = null;
        foreach (var copy in context.Rules.FinalImageStages.SelectMany(s => s.Instructions).Where(i => i.Keyword is "COPY" or "ADD" && i.GetFlag("from") is null))
        {
            var (sources, destination) = CopyArguments.Read(copy, context.Escape);
            var taken = new CopySourceMatcher(sources, compiled);
            var here = large
                .Where(f => !leftOut.Contains(f) && taken.Matches(f.Path))
                .Where(f => LargeContextFileCopiedRule.IsWeightsFile(f.Path) || !IsNamedLater(context, copy, f.Path))
                .ToList();
            leftOut.AddRange(here);
            firstLine ??= here.Count > 0 ? copy.StartLine : null;
            var weights = here.Where(f => LargeContextFileCopiedRule.IsWeightsFile(f.Path)).ToList();
            if (weights.Count > 0)
            {
                var mounts = weights.Select(f => WeightsMount.For(context, copy, sources, destination, f.Path)).Distinct();
                notes.Add((copy.StartLine, copy.StartLine, MountNote(context, copy, weights, mounts) + context.Lines.Raw(copy.StartLine, copy.StartLine)));
            }
        }

        if (firstLine is not { } line)
        {
            return null;
        }

        var text = notes.Count == 0 ? context.Text : context.Lines.Replace(notes);
        return new DockerfileRewriteResult(text, line, notes.Select(n => n.First).ToHashSet(), AppendEntries(context.Options.DockerIgnore, leftOut));
    }

    // A .dockerignore Docker would refuse is left alone: null.
    private static DockerIgnoreMatcher? ReadIgnore(string? text)
    {
        try
        {
            return text is null ? DockerIgnoreMatcher.Empty : DockerIgnoreMatcher.Parse(text);
        }
        catch (BuildContextException)
        {
            return null;
        }
    }

    // A path becomes a .dockerignore line as it is, so only a path that Docker reads back as itself is listed: no wildcard
    // or escape character, no leading '!' or '#', no spaces at its ends (Docker trims lines), no control characters.
    private static bool CanBeListed(string path) =>
        path.Length > 0 && path != "." && !path.StartsWith("..", StringComparison.Ordinal) && path.IndexOfAny(['*', '?', '[', '\\']) < 0
        && path[0] is not ('!' or '#') && path.Trim() == path && !path.Any(char.IsControl);

    private static bool IsNamedLater(DockerfileRewriteContext context, DockerfileInstruction copy, string path)
    {
        var segments = path.Split('/');
        var names = segments.Select((_, i) => string.Join('/', segments[..(i + 1)])).Append(segments[^1]).ToList();
        return context.Document.Stages.SelectMany(s => s.Instructions)
            .Where(i => i.StartLine > copy.EndLine && Naming.Contains(i.Keyword))
            .Any(i => names.Any(n => ContainsWord(i.Arguments, n) || i.Heredocs.Any(h => ContainsWord(h.Body, n))));
    }

    // Whether 'name' occurs in 'text' not as part of a longer name (metadata does not name data).
    private static bool ContainsWord(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNameChar(text[at - 1])) && (end == text.Length || !IsNameChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

    private static string MountNote(DockerfileRewriteContext context, DockerfileInstruction copy, List<DockerfileContextFile> weights, IEnumerable<string> mounts)
    {
        var line = context.Lines[copy.StartLine];
        var indent = line[..(line.Length - line.TrimStart().Length)];
        var named = string.Join(", ", weights.Take(3).Select(f => $"{f.Path} ({ByteSize.Format(f.SizeBytes)})")) + (weights.Count > 3 ? $" and {weights.Count - 3} more" : "");
        return $"{indent}# {named}: model weights left out of the image by .dockerignore; mount them at run time: docker run {string.Join(' ', mounts)} ...{context.Lines.Newline}";
    }

    private static string AppendEntries(string? dockerIgnore, List<DockerfileContextFile> leftOut)
    {
        var newline = dockerIgnore?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n";
        var builder = new StringBuilder(dockerIgnore ?? "");
        if (builder.Length > 0 && builder[^1] != '\n')
        {
            builder.Append(newline);
        }

        builder.Append(EntriesHeader).Append(newline);
        foreach (var file in leftOut.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            builder.Append(file.Path).Append(newline);
        }

        return builder.ToString();
    }
}
