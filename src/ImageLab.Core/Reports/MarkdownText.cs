using System.Text;
using ImageLab.Core.Formatting;

namespace ImageLab.Core.Reports;

/// <summary>
/// Server and user text as GitHub-flavoured Markdown on one line, for the reports posted on pull requests: literal text
/// that can neither break a table, inject markup nor notify anyone (GitHub turns <c>@name</c> into a mention and <c>#12</c>
/// or <c>GH-12</c> into a link that shows up on that issue, in any text), and code spans that show their text as it is, backticks included.
/// </summary>
public static class MarkdownText
{
    // Invisible, and no line may break at it: GitHub's mention and issue-link patterns need a letter or digit right after.
    private const char WordJoiner = '\u2060';

    /// <summary>
    /// Text as literal Markdown: table pipes, code and emphasis marks and link brackets are backslash-escaped (a
    /// backslash too, so that none can pair with what follows), HTML is written as entities, and a word joiner follows
    /// an <c>@</c> or <c>#</c> before a letter or digit (and the dash of <c>GH-12</c>), so that a name in the text mentions no one and links no issue.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            _ = c switch
            {
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '&' => escaped.Append("&amp;"),
                '\\' or '`' or '|' or '*' or '_' or '[' or ']' or '~' => escaped.Append('\\').Append(c),
                '@' or '#' when i + 1 < line.Length && char.IsAsciiLetterOrDigit(line[i + 1]) => escaped.Append(c).Append(WordJoiner),
                '-' when IsIssuePrefix(line, i) => escaped.Append(c).Append(WordJoiner),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    // GitHub links GH-12 like #12.
    private static bool IsIssuePrefix(string line, int dash) =>
        dash >= 2 && dash + 1 < line.Length && char.IsAsciiDigit(line[dash + 1])
        && line.AsSpan(dash - 2, 2).Equals("GH", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Text as one code span, shown as it is (HTML and Markdown marks are literal in code). CommonMark ends a code span at
    /// the first run of as many backticks as opened it, so the fence is one backtick longer than the text's longest run,
    /// and a space pads the text when it starts or ends with a backtick, or with spaces on both ends (the parser takes
    /// one space off each end of a span that has them). In a table cell (<paramref name="inTableCell"/>) pipes are
    /// escaped too: GFM splits the row into cells before it reads code spans.
    /// </summary>
    public static string CodeSpan(string text, bool inTableCell)
    {
        ArgumentNullException.ThrowIfNull(text);
        var code = text.ReplaceLineEndings(" ");
        if (code.Length == 0)
        {
            return "";
        }

        if (inTableCell)
        {
            code = EscapePipes(code);
        }

        var fence = new string('`', LongestRunOf('`', code) + 1);
        var padding = NeedsPadding(code) ? " " : "";
        return fence + padding + code + padding + fence;
    }

    /// <summary>
    /// A sentence that marks its code with single backticks, as ImageLab's own do ("line 14 `COPY . .`"): the prose is
    /// <see cref="Escape"/>d and each marked part becomes a <see cref="CodeSpan"/>; a backtick without a partner is prose.
    /// </summary>
    public static string WithCode(string text, bool inTableCell)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = CodeMarks.Split(text);
        var markdown = new StringBuilder(text.Length + 8);
        for (var i = 0; i < pieces.Count; i++)
        {
            var closed = i < pieces.Count - 1;
            markdown.Append((i % 2 == 1, closed, pieces[i].Length) switch
            {
                (false, _, _) => Escape(pieces[i]),
                (true, true, 0) => Escape("``"),
                (true, true, _) => CodeSpan(pieces[i], inTableCell),
                (true, false, _) => Escape("`" + pieces[i]),
            });
        }

        return markdown.ToString();
    }

    // GFM reads "\|" in a cell as a pipe of the cell's text, and takes the backslash out even inside code; but it first
    // pairs backslashes, so a pipe after an odd run of them needs a second one (and then shows one backslash more).
    private static string EscapePipes(string code)
    {
        var escaped = new StringBuilder(code.Length + 4);
        var backslashes = 0;
        foreach (var c in code)
        {
            if (c == '|')
            {
                escaped.Append(backslashes % 2 == 0 ? "\\|" : "\\\\|");
            }
            else
            {
                escaped.Append(c);
            }

            backslashes = c == '\\' ? backslashes + 1 : 0;
        }

        return escaped.ToString();
    }

    private static bool NeedsPadding(string code) =>
        code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ' && code.AsSpan().ContainsAnyExcept(' '));

    private static int LongestRunOf(char mark, string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == mark ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
