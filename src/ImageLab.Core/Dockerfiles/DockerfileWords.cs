namespace ImageLab.Core.Dockerfiles;

/// <summary>Splits an instruction's arguments into words at unquoted whitespace, keeping quotes and escapes as written.</summary>
internal static class DockerfileWords
{
    public static List<string> SplitRaw(string text, char escape)
    {
        var words = new List<string>();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            while (i < n && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= n)
            {
                break;
            }

            var start = i;
            char quote = '\0';
            while (i < n)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == escape && quote == '"' && i + 1 < n)
                    {
                        i += 2;
                        continue;
                    }

                    if (c == quote)
                    {
                        quote = '\0';
                    }

                    i++;
                    continue;
                }

                if (c == escape && i + 1 < n)
                {
                    i += 2;
                    continue;
                }

                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (char.IsWhiteSpace(c))
                {
                    break;
                }

                i++;
            }

            words.Add(text[start..Math.Min(i, n)]);
        }

        return words;
    }

    /// <summary>The text up to its first whitespace (an instruction's keyword, ONBUILD's trigger).</summary>
    public static string First(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[..end];
    }

    /// <summary>The word as an error shows it: at most 40 characters, then "...".</summary>
    public static string Shorten(string word) => word.Length > 40 ? word[..40] + "..." : word;

    public static string Unquote(string word, char escape)
    {
        if (word.Contains('$', StringComparison.Ordinal))
        {
            return word.Length >= 2 && word[0] == word[^1] && word[0] is '"' or '\'' ? word[1..^1] : word;
        }

        string? ignored = null;
        return VariableExpander.Expand(word, _ => null, escape, ref ignored);
    }
}
