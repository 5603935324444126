using System.Text;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// A small shell reader for RUN instructions: splits a script into simple commands at <c>&amp;&amp;</c>, <c>||</c>,
/// <c>;</c>, <c>|</c>, <c>&amp;</c> and newlines, and each command into words with quotes and backslash escapes removed.
/// It is not a shell: it does not expand variables, and keeps <c>$(...)</c> and backtick substitutions inside one word.
/// </summary>
public static class ShellScript
{
    private static readonly HashSet<string> LeadingKeywords = new(StringComparer.Ordinal) { "then", "do", "else", "elif", "if", "while", "until", "!", "{", "(" };
    private static readonly HashSet<string> ClosingKeywords = new(StringComparer.Ordinal) { "fi", "done", "esac", "}", ")" };

    /// <summary>Splits <paramref name="script"/> into its simple commands, in order. Never throws; unbalanced quotes run to the end.</summary>
    public static IReadOnlyList<ShellCommand> Split(string? script)
    {
        var commands = new List<ShellCommand>();
        if (string.IsNullOrEmpty(script))
        {
            return commands;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        var n = script.Length;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand(string separator)
        {
            EndWord();
            var start = 0;
            while (start < words.Count && LeadingKeywords.Contains(words[start]))
            {
                start++;
            }

            var end = words.Count;
            while (end > start && ClosingKeywords.Contains(words[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                commands.Add(new ShellCommand(words.GetRange(start, end - start), separator));
            }

            words.Clear();
        }

        while (i < n)
        {
            var c = script[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < n)
                    {
                        if (script[i + 1] == '\n')
                        {
                            i += 2;
                            continue;
                        }

                        if (script[i + 1] == '\r' && i + 2 < n && script[i + 2] == '\n')
                        {
                            i += 3;
                            continue;
                        }

                        word.Append(script[i + 1]);
                        inWord = true;
                        i += 2;
                        continue;
                    }

                    i++;
                    continue;
                case '\'':
                    {
                        inWord = true;
                        var close = script.IndexOf('\'', i + 1);
                        if (close < 0)
                        {
                            word.Append(script, i + 1, n - i - 1);
                            i = n;
                        }
                        else
                        {
                            word.Append(script, i + 1, close - i - 1);
                            i = close + 1;
                        }

                        continue;
                    }

                case '"':
                    inWord = true;
                    i = ReadDoubleQuoted(script, i + 1, word);
                    continue;
                case '$' when i + 1 < n && script[i + 1] == '(':
                    inWord = true;
                    i = ReadBalanced(script, i, word);
                    continue;
                case '`':
                    {
                        inWord = true;
                        var close = script.IndexOf('`', i + 1);
                        var end = close < 0 ? n : close + 1;
                        word.Append(script, i, end - i);
                        i = end;
                        continue;
                    }

                case '#' when !inWord:
                    while (i < n && script[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                case ' ' or '\t' or '\r':
                    EndWord();
                    i++;
                    continue;
                case '\n':
                    EndCommand("\n");
                    i++;
                    continue;
                case ';':
                    EndCommand(";");
                    i += i + 1 < n && script[i + 1] == ';' ? 2 : 1;
                    continue;
                case '&':
                    if (i + 1 < n && script[i + 1] == '&')
                    {
                        EndCommand("&&");
                        i += 2;
                        continue;
                    }

                    if ((i > 0 && script[i - 1] is '>' or '<') || (i + 1 < n && script[i + 1] == '>'))
                    {
                        word.Append(c);
                        inWord = true;
                        i++;
                        continue;
                    }

                    EndCommand("&");
                    i++;
                    continue;
                case '|':
                    if (i + 1 < n && script[i + 1] == '|')
                    {
                        EndCommand("||");
                        i += 2;
                        continue;
                    }

                    if (i > 0 && script[i - 1] == '>')
                    {
                        word.Append(c);
                        i++;
                        continue;
                    }

                    EndCommand("|");
                    i++;
                    continue;
                case '(' or ')' when !inWord:
                    EndWord();
                    i++;
                    continue;
                default:
                    word.Append(c);
                    inWord = true;
                    i++;
                    continue;
            }
        }

        EndCommand("");
        return commands;
    }

    private static int ReadDoubleQuoted(string script, int i, StringBuilder word)
    {
        var n = script.Length;
        while (i < n)
        {
            var c = script[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\' && i + 1 < n && script[i + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (script[i + 1] != '\n')
                {
                    word.Append(script[i + 1]);
                }

                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < n && script[i + 1] == '(')
            {
                i = ReadBalanced(script, i, word);
                continue;
            }

            word.Append(c);
            i++;
        }

        return n;
    }

    private static int ReadBalanced(string script, int i, StringBuilder word)
    {
        var n = script.Length;
        var depth = 0;
        var start = i;
        while (i < n)
        {
            var c = script[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    i++;
                    break;
                }
            }
            else if (c == '\\')
            {
                i++;
            }

            i++;
        }

        i = Math.Min(i, n);
        word.Append(script, start, i - start);
        return i;
    }
}
