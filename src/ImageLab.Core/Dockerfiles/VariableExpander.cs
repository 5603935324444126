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
internal sealed class VariableExpander
{
    private readonly Func<string, string?> _lookup;
    private readonly char _escape;
    private readonly int _maxLength;

    // The first problem met; later ones are not reported.
    private string? _error;

    private VariableExpander(Func<string, string?> lookup, char escape, int maxLength, string? error)
    {
        _lookup = lookup;
        _escape = escape;
        _maxLength = maxLength;
        _error = error;
    }

    public static string Expand(string word, Func<string, string?> lookup, char escape, ref string? error) =>
        Expand(word, lookup, escape, int.MaxValue, ref error);

    /// <summary>Expands <paramref name="word"/>; past <paramref name="maxLength"/> characters it stops with an error.</summary>
    public static string Expand(string word, Func<string, string?> lookup, char escape, int maxLength, ref string? error)
    {
        var expander = new VariableExpander(lookup, escape, maxLength, error);
        var result = expander.ExpandWord(word, depth: 0);
        error = expander._error;
        return result;
    }

    private string ExpandWord(string word, int depth)
    {
        if (word.IndexOfAny(['$', '\'', '"', _escape]) < 0)
        {
            return word;
        }

        var result = new StringBuilder(Math.Min(word.Length, _maxLength));
        var i = 0;
        while (i < word.Length)
        {
            if (TooLong(result))
            {
                return result.ToString(0, _maxLength);
            }

            i = word[i] switch
            {
                var c when c == _escape => AppendEscaped(word, i, result),
                '\'' => AppendSingleQuoted(word, i, result),
                '"' => AppendDoubleQuoted(word, i, depth, result),
                '$' => AppendVariable(word, i, depth, result),
                var c => AppendLiteral(c, i, result),
            };
        }

        return TooLong(result) ? result.ToString(0, _maxLength) : result.ToString();
    }

    private static int AppendLiteral(char c, int i, StringBuilder result)
    {
        result.Append(c);
        return i + 1;
    }

    // The escape character keeps the next one literal; alone at the end it stands for itself.
    private static int AppendEscaped(string word, int i, StringBuilder result)
    {
        if (i + 1 < word.Length)
        {
            result.Append(word[i + 1]);
            return i + 2;
        }

        result.Append(word[i]);
        return i + 1;
    }

    // Single quotes keep everything up to the closing quote literal.
    private int AppendSingleQuoted(string word, int i, StringBuilder result)
    {
        var close = word.IndexOf('\'', i + 1);
        if (close < 0)
        {
            Fail("a single quote is never closed");
            result.Append(word, i + 1, word.Length - i - 1);
            return word.Length;
        }

        result.Append(word, i + 1, close - i - 1);
        return close + 1;
    }

    // Double quotes keep their text, but escapes and variables work inside them.
    private int AppendDoubleQuoted(string word, int i, int depth, StringBuilder result)
    {
        var n = word.Length;
        i++;
        while (i < n && !TooLong(result))
        {
            var c = word[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == _escape && i + 1 < n)
            {
                result.Append(word[i + 1]);
                i += 2;
            }
            else if (c == '$')
            {
                i = AppendVariable(word, i, depth, result);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        Fail("a double quote is never closed");
        return i;
    }

    // $NAME or ${NAME...} at i; a '$' that starts neither is kept.
    private int AppendVariable(string word, int i, int depth, StringBuilder result)
    {
        if (i + 1 >= word.Length)
        {
            result.Append('$');
            return i + 1;
        }

        return word[i + 1] == '{' ? AppendBraced(word, i, depth, result) : AppendPlain(word, i, result);
    }

    private int AppendPlain(string word, int i, StringBuilder result)
    {
        var end = EndOfName(word, i + 1);
        if (end == i + 1)
        {
            result.Append('$');
            return i + 1;
        }

        result.Append(_lookup(word[(i + 1)..end]) ?? "");
        return end;
    }

    private int AppendBraced(string word, int i, int depth, StringBuilder result)
    {
        var nameStart = i + 2;
        var nameEnd = EndOfName(word, nameStart);
        var close = FindClosingBrace(word, nameEnd);
        if (close < 0)
        {
            Fail("a ${ is never closed with }");
            result.Append(word, i, word.Length - i);
            return word.Length;
        }

        var name = word[nameStart..nameEnd];
        if (name.Length == 0)
        {
            Fail("a ${} has no variable name");
            return close + 1;
        }

        result.Append(Substitute(name, word[nameEnd..close], depth));
        return close + 1;
    }

    // ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:+alt}, ${NAME+alt}, ${NAME:?message}, ${NAME?message}.
    private string Substitute(string name, string modifier, int depth)
    {
        var value = _lookup(name);
        if (modifier.Length == 0)
        {
            return value ?? "";
        }

        var colon = modifier[0] == ':';
        var operatorIndex = colon ? 1 : 0;
        if (operatorIndex >= modifier.Length)
        {
            Fail($"the modifier of ${{{name}}} is incomplete");
            return value ?? "";
        }

        var operand = modifier[(operatorIndex + 1)..];
        if (depth >= DockerfileLimits.MaxSubstitutionDepth && operand.Contains('$', StringComparison.Ordinal))
        {
            Fail($"substitutions nest more than {DockerfileLimits.MaxSubstitutionDepth} deep");
            return "";
        }

        var isSet = colon ? !string.IsNullOrEmpty(value) : value is not null;
        switch (modifier[operatorIndex])
        {
            case '-':
                return isSet ? value! : ExpandWord(operand, depth + 1);
            case '+':
                return isSet ? ExpandWord(operand, depth + 1) : "";
            case '?':
                if (!isSet)
                {
                    Fail(operand.Length > 0 ? $"{name} is not set: {operand}" : $"{name} is not set");
                }

                return value ?? "";
            default:
                return value ?? "";
        }
    }

    private bool TooLong(StringBuilder result)
    {
        if (result.Length <= _maxLength)
        {
            return false;
        }

        Fail("the substitutions expand to more text than a Dockerfile may hold");
        return true;
    }

    private void Fail(string problem) => _error ??= problem;

    private static int EndOfName(string word, int start)
    {
        var end = start;
        while (end < word.Length && (char.IsAsciiLetterOrDigit(word[end]) || word[end] == '_'))
        {
            end++;
        }

        return end;
    }

    private int FindClosingBrace(string word, int i)
    {
        var depth = 1;
        for (; i < word.Length; i++)
        {
            var c = word[i];
            if (c == _escape)
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
