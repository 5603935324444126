namespace ImageLab.Core.Dockerfiles;

/// <summary>
/// One simple command of a shell script, as <see cref="ShellScript.Split"/> finds it: its words with quotes removed,
/// and the operator that ends it (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c>, a newline, or empty at the end).
/// </summary>
public sealed class ShellCommand
{
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal) { "sudo", "env", "exec", "command", "nohup", "time", "nice", "doas", "xargs" };

    // xargs runs the command after its options (xargs apt-get install -y < packages.txt): these options take the next word.
    private static readonly HashSet<string> XargsOptionsWithValue = new(StringComparer.Ordinal)
    {
        "-a", "-d", "-E", "-e", "-I", "-i", "-L", "-l", "-n", "-P", "-s",
        "--arg-file", "--delimiter", "--max-args", "--max-chars", "--max-lines", "--max-procs", "--process-slot-var",
    };

    private readonly int _nameIndex;
    private string[]? _arguments;
    private string[]? _operands;

    /// <summary>Creates a command from its words and the operator after it.</summary>
    public ShellCommand(IReadOnlyList<string> words, string separator)
    {
        ArgumentNullException.ThrowIfNull(words);
        Words = words;
        Separator = separator ?? "";
        _nameIndex = FindNameIndex(words);
    }

    /// <summary>The command's words after quote removal, including leading <c>NAME=value</c> assignments.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The operator that follows the command; empty for the script's last command.</summary>
    public string Separator { get; }

    /// <summary>The program run, after leading assignments and wrappers such as <c>sudo</c>, <c>env</c> or <c>xargs</c>; <see langword="null"/> for a bare assignment.</summary>
    public string? Name => _nameIndex < Words.Count ? Words[_nameIndex] : null;

    /// <summary>The words after <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Arguments => _arguments ??= Words.Skip(_nameIndex + 1).ToArray();

    /// <summary>The <c>NAME=value</c> words before the program (including those given to <c>env</c>).</summary>
    public IEnumerable<string> Assignments => Words.Take(_nameIndex).Where(IsAssignment);

    /// <summary>Whether the program is <paramref name="name"/> (the file name of a path counts: <c>/usr/bin/pip</c> is <c>pip</c>).</summary>
    public bool Is(string name)
    {
        var program = Name;
        if (program is null)
        {
            return false;
        }

        var slash = program.LastIndexOf('/');
        return string.Equals(slash < 0 ? program : program[(slash + 1)..], name, StringComparison.Ordinal);
    }

    /// <summary>Whether the program is one of <paramref name="names"/>.</summary>
    public bool IsAny(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Is(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The arguments that are not options (do not start with <c>-</c>).</summary>
    public IReadOnlyList<string> Operands => _operands ??= Arguments.Where(a => a.Length == 0 || a[0] != '-').ToArray();

    /// <summary>Whether the first operand (the sub-command, e.g. <c>install</c> of <c>apt-get install</c>) is one of <paramref name="subcommands"/>.</summary>
    public bool HasSubcommand(params ReadOnlySpan<string> subcommands)
    {
        if (Operands.Count == 0)
        {
            return false;
        }

        var first = Operands[0];
        foreach (var subcommand in subcommands)
        {
            if (string.Equals(first, subcommand, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an option is present: a long option (<c>--no-cache</c>, also as <c>--no-cache=value</c>) or a short letter
    /// that may be grouped with others (<c>-l</c> in <c>-lm</c>).
    /// </summary>
    public bool HasOption(string? longName, char? shortName = null)
    {
        foreach (var argument in Arguments)
        {
            if (argument == "--")
            {
                break;
            }

            if (longName is not null && argument.StartsWith("--", StringComparison.Ordinal))
            {
                var body = argument.AsSpan(2);
                var equals = body.IndexOf('=');
                if ((equals < 0 ? body : body[..equals]).SequenceEqual(longName))
                {
                    return true;
                }
            }

            if (shortName is { } letter && argument.Length >= 2 && argument[0] == '-' && argument[1] != '-' && argument.AsSpan(1).Contains(letter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of an option given as <c>--name value</c>, <c>--name=value</c>, <c>-x value</c> or <c>-xvalue</c>.</summary>
    public string? GetOptionValue(string? longName, char? shortName = null)
    {
        var arguments = Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (longName is not null && argument == "--" + longName)
            {
                return i + 1 < arguments.Count ? arguments[i + 1] : null;
            }

            if (longName is not null && argument.StartsWith("--" + longName + "=", StringComparison.Ordinal))
            {
                return argument[(longName.Length + 3)..];
            }

            if (shortName is { } letter && argument.Length >= 2 && argument[0] == '-' && argument[1] == letter)
            {
                return argument.Length > 2 ? argument[2..] : i + 1 < arguments.Count ? arguments[i + 1] : null;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', Words);

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        for (var i = 0; i < equals; i++)
        {
            var c = word[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_') || (i == 0 && char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static int FindNameIndex(IReadOnlyList<string> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var word = words[i];
            if (IsAssignment(word))
            {
                i++;
                continue;
            }

            if (!Wrappers.Contains(word))
            {
                return i;
            }

            var wrapper = word;
            i++;
            while (i < words.Count && words[i].StartsWith('-'))
            {
                var option = words[i];
                i++;
                if (wrapper is "sudo" or "doas" && option is "-u" or "-g" or "-C" or "-h" or "-p" or "-r" or "-t" && i < words.Count)
                {
                    i++;
                }
                else if (wrapper == "nice" && option == "-n" && i < words.Count)
                {
                    i++;
                }
                else if (wrapper == "xargs" && XargsOptionsWithValue.Contains(option) && i < words.Count)
                {
                    i++;
                }
            }
        }

        return i;
    }
}
