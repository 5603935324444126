namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// A Dockerfile's physical lines with their own line endings, numbered from 1 as the parser numbers them, and the
/// replacement of whole line ranges: what lets a rewrite keep every line it does not touch byte for byte.
/// </summary>
public sealed class DockerfileLines
{
    private readonly List<string> _lines = [];
    private readonly List<string> _endings = [];

    /// <summary>Splits <paramref name="text"/> at <c>\n</c>, keeping each line's ending (<c>\n</c>, <c>\r\n</c> or none at the end).</summary>
    public DockerfileLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                _lines.Add(text[start..]);
                _endings.Add("");
                break;
            }

            var end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            _lines.Add(text[start..end]);
            _endings.Add(text[end..(newline + 1)]);
            start = newline + 1;
        }
    }

    /// <summary>The number of lines (a text ending in a newline has an empty last line).</summary>
    public int Count => _lines.Count;

    /// <summary>The line ending the file uses (that of its first line), <c>\n</c> when it has none.</summary>
    public string Newline => _endings.FirstOrDefault(e => e.Length > 0) ?? "\n";

    /// <summary>Line <paramref name="number"/> without its ending.</summary>
    public string this[int number] => _lines[number - 1];

    /// <summary>Line <paramref name="number"/>'s ending.</summary>
    public string Ending(int number) => _endings[number - 1];

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> exactly as written, endings included.</summary>
    public string Raw(int first, int last) =>
        string.Concat(Enumerable.Range(first, last - first + 1).Select(n => _lines[n - 1] + _endings[n - 1]));

    /// <summary>
    /// The text with each range of lines replaced by its new text (which brings its own line endings); the ranges must
    /// not overlap. Lines outside every range are copied as they are.
    /// </summary>
    public string Replace(IEnumerable<(int First, int Last, string Text)> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var ordered = replacements.OrderBy(r => r.First).ToList();
        var builder = new System.Text.StringBuilder();
        var next = 1;
        foreach (var (first, last, text) in ordered)
        {
            if (first < next || last < first || last > Count)
            {
                throw new ArgumentException($"Replacements overlap or fall outside the file (lines {first}-{last}).", nameof(replacements));
            }

            builder.Append(Raw(next, first - 1)).Append(text);
            next = last + 1;
        }

        return builder.Append(next <= Count ? Raw(next, Count) : "").ToString();
    }
}
