namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>Reads what follows a keyword: the leading <c>--name=value</c> flags, and the definitions of ARG and ENV.</summary>
internal sealed class ArgumentReader(ParseErrors errors, VariableScope variables, char escape)
{
    // Flags that stand alone, without a value.
    private static readonly HashSet<string> SwitchFlags = new(StringComparer.Ordinal) { "link", "parents", "keep-git-dir", "unpack" };

    /// <summary>Reads the flags at the start of <paramref name="rest"/> into <paramref name="flags"/> and returns the arguments after them.</summary>
    public string ReadFlags(string keyword, string rest, string[] allowed, int line, List<InstructionFlag> flags)
    {
        var pos = 0;
        while (true)
        {
            while (pos < rest.Length && char.IsWhiteSpace(rest[pos]))
            {
                pos++;
            }

            if (pos + 2 > rest.Length || rest[pos] != '-' || rest[pos + 1] != '-')
            {
                break;
            }

            var end = EndOfFlag(rest, pos);
            var word = rest[(pos + 2)..end];
            pos = end;
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? word : word[..equals]).ToLowerInvariant();
            var value = equals < 0 ? null : DockerfileWords.Unquote(word[(equals + 1)..], escape);
            if (name.Length == 0)
            {
                errors.Add(line, $"{keyword} has a flag with no name ('--').");
                continue;
            }

            if (Array.IndexOf(allowed, name) < 0)
            {
                errors.Add(line, $"{keyword} does not accept the flag --{name}.");
            }
            else if (value is null && !SwitchFlags.Contains(name))
            {
                errors.Add(line, $"The flag --{name} of {keyword} needs a value, as in --{name}=value.");
            }

            flags.Add(new InstructionFlag(name, value));
        }

        return rest[pos..].Trim();
    }

    /// <summary>
    /// ARG's definitions: a <c>--build-arg</c> overrides the default; a bare name in a stage brings in the global ARG's
    /// value. A trigger's (ONBUILD ARG) defaults are kept as written: they are expanded in the image that uses them.
    /// </summary>
    public List<VariableDefinition> ReadArgs(string arguments, int line, bool trigger)
    {
        var definitions = new List<VariableDefinition>();
        foreach (var word in DockerfileWords.SplitRaw(arguments, escape))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word : word[..equals];
            if (!IsValidName(name))
            {
                errors.Add(line, $"ARG '{DockerfileWords.Shorten(word)}' does not start with a valid name; use ARG NAME or ARG NAME=default.");
                continue;
            }

            string? value;
            if (variables.BuildArg(name) is { } given)
            {
                value = given;
            }
            else if (equals >= 0)
            {
                value = trigger ? word[(equals + 1)..] : Expand(word[(equals + 1)..], line);
            }
            else
            {
                value = variables.TryGetGlobalArg(name, out var global) ? global : null;
            }

            definitions.Add(new VariableDefinition(name, value));
        }

        return definitions;
    }

    /// <summary>ENV's definitions, in either form: <c>ENV NAME=value ...</c> or the legacy <c>ENV NAME value</c>.</summary>
    public List<VariableDefinition> ReadEnv(string arguments, int line)
    {
        var definitions = new List<VariableDefinition>();
        var words = DockerfileWords.SplitRaw(arguments, escape);
        if (words.Count == 0)
        {
            return definitions;
        }

        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            if (words.Count == 1)
            {
                errors.Add(line, $"ENV {DockerfileWords.Shorten(words[0])} has no value; use ENV NAME=value.");
                return definitions;
            }

            var value = arguments[words[0].Length..].Trim();
            definitions.Add(new VariableDefinition(words[0], Expand(value, line)));
            return definitions;
        }

        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                errors.Add(line, $"ENV '{DockerfileWords.Shorten(word)}' has no '='; every pair must read NAME=value.");
                continue;
            }

            var name = word[..equals];
            if (!IsValidName(name))
            {
                errors.Add(line, $"ENV '{DockerfileWords.Shorten(word)}' does not start with a valid variable name.");
                continue;
            }

            definitions.Add(new VariableDefinition(name, Expand(word[(equals + 1)..], line)));
        }

        return definitions;
    }

    // A flag ends at the first whitespace outside quotes.
    private static int EndOfFlag(string rest, int start)
    {
        var end = start;
        var quote = '\0';
        while (end < rest.Length && (quote != '\0' || !char.IsWhiteSpace(rest[end])))
        {
            if (quote == '\0' && rest[end] is '"' or '\'')
            {
                quote = rest[end];
            }
            else if (rest[end] == quote)
            {
                quote = '\0';
            }

            end++;
        }

        return end;
    }

    private string Expand(string word, int line)
    {
        string? error = null;
        var result = variables.Expand(word, ref error);
        if (error is not null)
        {
            errors.Add(line, $"Variable substitution failed: {error}.");
        }

        return result;
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
