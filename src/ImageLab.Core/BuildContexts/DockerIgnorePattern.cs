using System.Text;
using System.Text.RegularExpressions;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// One <c>.dockerignore</c> line compiled the way moby/patternmatcher does it: exact, prefix
/// (<c>foo**</c>), suffix (<c>**/foo</c>) or a regular expression where <c>*</c> and <c>?</c> stop at
/// <c>/</c> and <c>**</c> crosses any number of folders. The expression runs on .NET's non-backtracking engine,
/// so matching is linear in the path whatever the pattern (<c>*a*a*a*a*b</c> against a long name cannot stall a
/// request), and the pattern's length is capped by <see cref="DockerIgnoreMatcher.MaxPatternLength"/>.
/// </summary>
internal sealed class DockerIgnorePattern
{
    private enum Kind
    {
        Exact,
        Prefix,
        Suffix,
        Regex,
    }

    private readonly Kind _kind;
    private readonly Regex? _regex;

    public DockerIgnorePattern(string cleanedPattern, bool exclusion)
    {
        Text = cleanedPattern;
        IsException = exclusion;
        (_kind, _regex) = Compile(cleanedPattern);
    }

    /// <summary>The cleaned pattern, without its <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>True for <c>!pattern</c> lines, which re-include what earlier lines excluded.</summary>
    public bool IsException { get; }

    public int Depth => Text.Split('/').Length;

    public bool Matches(string path) => _kind switch
    {
        Kind.Exact => path == Text,
        Kind.Prefix => path.StartsWith(Text[..^2], StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(Text[2..], StringComparison.Ordinal)
            || (Text.Length > 2 && Text[2] == '/' && path == Text[3..]),
        _ => _regex!.IsMatch(path),
    };

    private static (Kind Kind, Regex? Regex) Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        var kind = Kind.Exact;
        var i = 0;
        for (var step = 0; i < pattern.Length; step++)
        {
            var ch = pattern[i++];
            if (ch == '*')
            {
                if (i < pattern.Length && pattern[i] == '*')
                {
                    i++;
                    if (i < pattern.Length && pattern[i] == '/')
                    {
                        i++;
                    }

                    if (i >= pattern.Length)
                    {
                        if (kind == Kind.Exact)
                        {
                            kind = Kind.Prefix;
                        }
                        else
                        {
                            regex.Append(".*");
                            kind = Kind.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(.*/)?");
                        kind = Kind.Regex;
                    }

                    if (step == 0)
                    {
                        kind = Kind.Suffix;
                    }
                }
                else
                {
                    regex.Append("[^/]*");
                    kind = Kind.Regex;
                }
            }
            else if (ch == '?')
            {
                regex.Append("[^/]");
                kind = Kind.Regex;
            }
            else if (ch == '\\')
            {
                if (i < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[i++].ToString()));
                    kind = Kind.Regex;
                }
                else
                {
                    regex.Append(@"\\");
                }
            }
            else if (ch is '[' or ']')
            {
                regex.Append(ch);
                kind = Kind.Regex;
            }
            else if (".+()|{}$".Contains(ch, StringComparison.Ordinal))
            {
                // Regex characters that mean nothing in a file pattern; the rest ('^' in a class...) pass as Go passes them.
                regex.Append('\\').Append(ch);
            }
            else
            {
                regex.Append(ch);
            }
        }

        if (kind != Kind.Regex)
        {
            return (kind, null);
        }

        regex.Append('$');
        try
        {
            return (kind, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking));
        }
        catch (ArgumentException ex)
        {
            throw new BuildContextException($".dockerignore pattern '{pattern}' is not a valid pattern.", ex);
        }
    }
}
