using System.Text;

namespace ImageLab.Core.Experiments;

/// <summary>
/// Splits a command line typed in a form into its words the way a POSIX shell quotes them, without running a shell:
/// words split at spaces, <c>'...'</c> keeps everything literally, <c>"..."</c> keeps spaces and takes <c>\"</c> and
/// <c>\\</c>, a backslash outside quotes keeps the next character; and joins words back into a line that splits into them.
/// </summary>
public static class CommandLineWords
{
    /// <summary>The words, or the problem in a sentence (an open quote).</summary>
    public static (IReadOnlyList<string> Words, string? Problem) Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = null; } else { word.Append(c); }
            }
            else if (quote == '"')
            {
                if (c == '"') { quote = null; }
                else if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\') { word.Append(line[++i]); }
                else { word.Append(c); }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"') { quote = c; }
                else if (c == '\\' && i + 1 < line.Length) { word.Append(line[++i]); }
                else { word.Append(c); }
            }
        }

        if (quote is { } open)
        {
            return ([], $"The command has a {(open == '"' ? "double" : "single")} quote that is never closed.");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return (words, null);
    }

    /// <summary>
    /// The words as one line a person can read and paste into a shell: plain words as they are, any other word in single
    /// quotes (a quote inside as <c>'\''</c>); <see cref="Split"/> gives the same words back.
    /// </summary>
    public static string Join(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(IsPlain) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '+' or '@' or '%';
}
