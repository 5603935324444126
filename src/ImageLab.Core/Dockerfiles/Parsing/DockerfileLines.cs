using System.Text;

namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>
/// The text as physical lines (a leading BOM and the CR of each CRLF removed) and how instructions span them: the
/// parser directives at the top, continuation lines (blank and comment lines between them skipped, as BuildKit does)
/// and the bodies of here-documents.
/// </summary>
internal sealed class DockerfileLines
{
    private readonly string[] _lines;

    public DockerfileLines(string text)
    {
        var source = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _lines = source.Split('\n');
        for (var k = 0; k < _lines.Length; k++)
        {
            if (_lines[k].EndsWith('\r'))
            {
                _lines[k] = _lines[k][..^1];
            }
        }

        Count = _lines.Length > 0 && _lines[^1].Length == 0 ? _lines.Length - 1 : _lines.Length;
    }

    /// <summary>How many lines the Dockerfile has: the empty rest after a final newline is not one.</summary>
    public int Count { get; }

    /// <summary>Whether the 0-based line is empty, blank or a comment.</summary>
    public bool IsBlankOrComment(int index)
    {
        var trimmed = _lines[index].AsSpan().TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    /// <summary>The physical lines <paramref name="first"/> to <paramref name="last"/> (0-based) as written, joined by <c>\n</c>.</summary>
    public string Text(int first, int last) => string.Join('\n', _lines, first, last - first + 1);

    /// <summary>Reads the parser directives (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>) up to the first line that is not one.</summary>
    public DockerfileDirectives ReadDirectives(ParseErrors errors)
    {
        string? syntax = null;
        string? check = null;
        var escape = '\\';
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (!TryReadDirective(i, out var key, out var value))
            {
                break;
            }

            if (!seen.Add(key))
            {
                errors.Add(i + 1, $"The parser directive '{key}' is given twice; it may appear only once.");
                continue;
            }

            switch (key)
            {
                case "syntax":
                    syntax = value;
                    break;
                case "check":
                    check = value;
                    break;
                default:
                    if (value is "\\" or "`")
                    {
                        escape = value[0];
                    }
                    else
                    {
                        errors.Add(i + 1, $"The escape directive must be a backslash or a backtick, not '{value}'.");
                    }

                    break;
            }
        }

        return new DockerfileDirectives(syntax, escape, check);
    }

    /// <summary>
    /// The logical line of the instruction that starts on line <paramref name="first"/>: its continuation lines joined
    /// without their escape characters. <paramref name="last"/> is its last physical line (0-based).
    /// </summary>
    public string JoinContinuations(int first, char escape, out int last)
    {
        var logical = new StringBuilder();
        var current = first;
        while (true)
        {
            last = current;
            if (!EndsWithContinuation(_lines[current], escape, out var part))
            {
                logical.Append(_lines[current]);
                break;
            }

            logical.Append(part);
            var next = current + 1;
            while (next < Count && IsBlankOrComment(next))
            {
                next++;
            }

            if (next >= Count)
            {
                break;
            }

            current = next;
        }

        return logical.ToString();
    }

    /// <summary>
    /// Reads the bodies of the here-documents that <paramref name="arguments"/> opens (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>,
    /// quoted delimiters) from the lines after <paramref name="last"/>, and returns the instruction's new last line.
    /// </summary>
    public int ReadHeredocs(string arguments, int startLine, int last, char escape, List<Heredoc> heredocs, ParseErrors errors)
    {
        var trimmed = arguments.TrimStart();
        if (trimmed.StartsWith('[') && JsonArrayForm.TryParse(trimmed) is not null)
        {
            return last;
        }

        foreach (var word in DockerfileWords.SplitRaw(arguments, escape))
        {
            if (word.StartsWith('-') || !TryReadMarker(word, out var delimiter, out var strip, out var quoted))
            {
                continue;
            }

            var closed = ReadBody(last + 1, delimiter, strip, out var body, out var end);
            if (!closed)
            {
                errors.Add(startLine, $"The here-document <<{delimiter} is never closed: no line reads '{delimiter}' before the end of the file.");
                end = Math.Max(last, Count - 1);
            }

            heredocs.Add(new Heredoc(delimiter, body, strip, quoted, last + 2, end + 1));
            last = end;
            if (!closed)
            {
                // The file has ended: further markers on the line have no body to read (one error is enough).
                break;
            }
        }

        return last;
    }

    private bool TryReadDirective(int index, out string key, out string value)
    {
        key = "";
        value = "";
        var line = _lines[index].AsSpan().Trim();
        if (line.IsEmpty || line[0] != '#')
        {
            return false;
        }

        var body = line[1..].Trim();
        var equals = body.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        key = body[..equals].Trim().ToString().ToLowerInvariant();
        value = body[(equals + 1)..].Trim().ToString();
        return key.Length > 0 && key.All(char.IsAsciiLetterOrDigit) && key is "syntax" or "escape" or "check";
    }

    private static bool EndsWithContinuation(string line, char escape, out string withoutEscape)
    {
        var trimmed = line.AsSpan().TrimEnd(" \t");
        if (trimmed.Length > 0 && trimmed[^1] == escape)
        {
            withoutEscape = trimmed[..^1].ToString();
            return true;
        }

        withoutEscape = line;
        return false;
    }

    // The body runs from `first` up to the line that reads the delimiter (`end`), or to the end of the file.
    private bool ReadBody(int first, string delimiter, bool strip, out string body, out int end)
    {
        var text = new StringBuilder();
        for (end = first; end < Count; end++)
        {
            var line = strip ? _lines[end].TrimStart('\t') : _lines[end];
            if (line == delimiter)
            {
                body = text.ToString();
                return true;
            }

            text.Append(line).Append('\n');
        }

        body = text.ToString();
        return false;
    }

    private static bool TryReadMarker(string word, out string delimiter, out bool strip, out bool quoted)
    {
        delimiter = "";
        strip = false;
        quoted = false;
        if (!word.StartsWith("<<", StringComparison.Ordinal) || word.StartsWith("<<<", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = word.AsSpan(2);
        if (rest.StartsWith("-"))
        {
            strip = true;
            rest = rest[1..];
        }

        if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
        {
            quoted = true;
            rest = rest[1..^1];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        delimiter = rest.ToString();
        return true;
    }
}
