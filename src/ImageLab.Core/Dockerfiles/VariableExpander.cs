using System.Text;

namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// Expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:+alt}</c>,
/// <c>${VAR+alt}</c>, <c>${VAR:?message}</c> the way the Dockerfile frontend does for FROM, ENV, ARG, COPY...
/// and removes quotes. The escape character keeps the next character literal (<c>\$</c> is a dollar sign).
/// Nesting is capped at <see cref="DockerfileLimits.MaxSubstitutionDepth"/>, so the work is at most that many passes
/// over the word and the stack stays shallow whatever the text; the result stops at a given length, so ARGs that
/// double each other (<c>ARG A=${A}${A}</c>, line after line) cannot grow without end.
/// </summary>
internal static class VariableExpander
{
    public static string Expand(string word, Func<string, string?> lookup, char escape, ref string? error) =>
        Expand(word, lookup, escape, int.MaxValue, ref error);

    /// <summary>Expands <paramref name="word"/>; past <paramref name="maxLength"/> characters it stops with an error.</summary>
    public static string Expand(string word, Func<string, string?> lookup, char escape, int maxLength, ref string? error) =>
        Expand(word, lookup, escape, 0, maxLength, ref error);

    private static string Expand(string word, Func<string, string?> lookup, char escape, int depth, int maxLength, ref string? error)
    {
        if (word.IndexOfAny(['$', '\'', '"', escape]) < 0)
        {
            return word;
        }

        var result = new StringBuilder(Math.Min(word.Length, maxLength));
        var i = 0;
        var n = word.Length;
        while (i < n)
        {
            if (TooLong(result, maxLength, ref error))
            {
                return result.ToString(0, maxLength);
            }

            var c = word[i];
            if (c == escape)
            {
                if (i + 1 < n)
                {
                    result.Append(word[i + 1]);
                    i += 2;
                }
                else
                {
                    result.Append(c);
                    i++;
                }
            }
            else if (c == '\'')
            {
                var close = word.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    error ??= "a single quote is never closed";
                    result.Append(word, i + 1, n - i - 1);
                    i = n;
                }
                else
                {
                    result.Append(word, i + 1, close - i - 1);
                    i = close + 1;
                }
            }
            else if (c == '"')
            {
                i++;
                var closed = false;
                while (i < n && !TooLong(result, maxLength, ref error))
                {
                    var d = word[i];
                    if (d == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    if (d == escape && i + 1 < n)
                    {
                        result.Append(word[i + 1]);
                        i += 2;
                    }
                    else if (d == '$')
                    {
                        i = ExpandVariable(word, i, lookup, escape, depth, maxLength, result, ref error);
                    }
                    else
                    {
                        result.Append(d);
                        i++;
                    }
                }

                if (!closed)
                {
                    error ??= "a double quote is never closed";
                }
            }
            else if (c == '$')
            {
                i = ExpandVariable(word, i, lookup, escape, depth, maxLength, result, ref error);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return TooLong(result, maxLength, ref error) ? result.ToString(0, maxLength) : result.ToString();
    }

    private static bool TooLong(StringBuilder result, int maxLength, ref string? error)
    {
        if (result.Length <= maxLength)
        {
            return false;
        }

        error ??= "the substitutions expand to more text than a Dockerfile may hold";
        return true;
    }

    private static int ExpandVariable(string word, int i, Func<string, string?> lookup, char escape, int depth, int maxLength, StringBuilder result, ref string? error)
    {
        var n = word.Length;
        if (i + 1 >= n)
        {
            result.Append('$');
            return i + 1;
        }

        var next = word[i + 1];
        if (next != '{')
        {
            var end = i + 1;
            while (end < n && (char.IsAsciiLetterOrDigit(word[end]) || word[end] == '_'))
            {
                end++;
            }

            if (end == i + 1)
            {
                result.Append('$');
                return i + 1;
            }

            result.Append(lookup(word[(i + 1)..end]) ?? "");
            return end;
        }

        var nameStart = i + 2;
        var nameEnd = nameStart;
        while (nameEnd < n && (char.IsAsciiLetterOrDigit(word[nameEnd]) || word[nameEnd] == '_'))
        {
            nameEnd++;
        }

        var close = FindClosingBrace(word, nameEnd, escape);
        if (close < 0)
        {
            error ??= "a ${ is never closed with }";
            result.Append(word, i, n - i);
            return n;
        }

        var name = word[nameStart..nameEnd];
        if (name.Length == 0)
        {
            error ??= "a ${} has no variable name";
            return close + 1;
        }

        var value = lookup(name);
        var modifier = word[nameEnd..close];
        if (modifier.Length == 0)
        {
            result.Append(value ?? "");
            return close + 1;
        }

        var colon = modifier[0] == ':';
        var operatorIndex = colon ? 1 : 0;
        if (operatorIndex >= modifier.Length)
        {
            error ??= $"the modifier of ${{{name}}} is incomplete";
            result.Append(value ?? "");
            return close + 1;
        }

        var op = modifier[operatorIndex];
        var operand = modifier[(operatorIndex + 1)..];
        if (depth >= DockerfileLimits.MaxSubstitutionDepth && operand.Contains('$', StringComparison.Ordinal))
        {
            error ??= $"substitutions nest more than {DockerfileLimits.MaxSubstitutionDepth} deep";
            return close + 1;
        }

        var isSet = colon ? !string.IsNullOrEmpty(value) : value is not null;
        switch (op)
        {
            case '-':
                result.Append(isSet ? value : Expand(operand, lookup, escape, depth + 1, maxLength, ref error));
                break;
            case '+':
                result.Append(isSet ? Expand(operand, lookup, escape, depth + 1, maxLength, ref error) : "");
                break;
            case '?':
                if (!isSet)
                {
                    error ??= operand.Length > 0 ? $"{name} is not set: {operand}" : $"{name} is not set";
                }

                result.Append(value ?? "");
                break;
            default:
                result.Append(value ?? "");
                break;
        }

        return close + 1;
    }

    private static int FindClosingBrace(string word, int i, char escape)
    {
        var depth = 1;
        for (; i < word.Length; i++)
        {
            var c = word[i];
            if (c == escape)
            {
                i++;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
