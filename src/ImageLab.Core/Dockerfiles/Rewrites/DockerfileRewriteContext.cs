using ImageLab.Core.Dockerfiles.Rules;

namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>What a rewrite sees: the text, its lines, the parsed Dockerfile, the rules' view of it and the options.</summary>
public sealed class DockerfileRewriteContext
{
    /// <summary>Parses <paramref name="text"/> for the rewrites.</summary>
    public DockerfileRewriteContext(string text, DockerfileRewriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Lines = new DockerfileLines(text);
        Document = DockerfileParser.Parse(text);
        Rules = new DockerfileRuleContext(Document);
        Options = options ?? new DockerfileRewriteOptions();
    }

    /// <summary>The Dockerfile as written.</summary>
    public string Text { get; }

    /// <summary>Its physical lines.</summary>
    public DockerfileLines Lines { get; }

    /// <summary>The parsed Dockerfile.</summary>
    public DockerfileDocument Document { get; }

    /// <summary>The rules' view: each RUN's shell commands, which stages reach the image, the environment.</summary>
    public DockerfileRuleContext Rules { get; }

    /// <summary>The options.</summary>
    public DockerfileRewriteOptions Options { get; }

    /// <summary>The escape character that continues a line (<c>\</c>, or <c>`</c> after <c># escape=`</c>).</summary>
    public char Escape => Document.Directives.Escape;

    /// <summary>
    /// The RUN instructions a shell rewrite may edit: shell form, no here-documents, in a valid Dockerfile whose stage
    /// keeps the default shell (no SHELL instruction).
    /// </summary>
    public IEnumerable<DockerfileInstruction> EditableRuns() =>
        !Document.IsValid
            ? []
            : Document.Stages
                .Where(s => !s.Instructions.Any(i => i.Keyword == "SHELL"))
                .SelectMany(s => s.Instructions)
                .Where(i => i.Keyword == "RUN" && !i.IsExecForm && i.Heredocs.Count == 0);

    /// <summary>The result of replacing line ranges, reported at the first of them.</summary>
    public DockerfileRewriteResult? Result(IReadOnlyList<(int First, int Last, string Text)> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        if (replacements.Count == 0)
        {
            return null;
        }

        var text = Lines.Replace(replacements);
        if (text == Text)
        {
            return null;
        }

        var changed = replacements.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1)).ToHashSet();
        return new DockerfileRewriteResult(text, replacements.Min(r => r.First), changed);
    }
}
