using System.Text;
using System.Text.RegularExpressions;

namespace ImageLab.Core.Dockerfiles.Rules;

/// <summary>
/// Which context files the sources of one COPY or ADD take: a file is taken when a source names it or one of its folders,
/// or when a source's wildcards (<c>*</c> and <c>?</c> within one path segment, <c>[...]</c>) match it or one of its
/// folders. Linear in the files whatever the text: plain sources are looked up by each of a file's folders (no pair of
/// source and file is compared), and wildcard sources are compiled once per Dockerfile for .NET's non-backtracking engine
/// (a source like <c>a*a*a*a*b</c> against a long name cannot stall a request), at most <see cref="MaxWildcardSources"/>
/// of them per Dockerfile.
/// </summary>
internal sealed class CopySourceMatcher
{
    /// <summary>Distinct wildcard sources one Dockerfile may have compiled; later ones match nothing (real Dockerfiles have a few).</summary>
    public const int MaxWildcardSources = 256;

    private readonly bool _everything;
    private readonly HashSet<string> _plain = new(StringComparer.Ordinal);
    private readonly List<Regex> _wildcards = [];

    /// <param name="sources">The COPY's sources as written.</param>
    /// <param name="compiled">The wildcard sources compiled so far for this Dockerfile, shared by its COPY instructions.</param>
    public CopySourceMatcher(IEnumerable<string> sources, Dictionary<string, Regex?> compiled)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(compiled);
        foreach (var source in sources.Select(CopyArguments.Normalize))
        {
            if (source == ".")
            {
                _everything = true;
            }
            else if (source.IndexOfAny(['*', '?', '[']) < 0)
            {
                _plain.Add(source);
            }
            else if (Compile(source, compiled) is { } wildcard)
            {
                _wildcards.Add(wildcard);
            }
        }
    }

    /// <summary>Whether the COPY takes the context file at <paramref name="path"/> (already normalized).</summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_everything || _plain.Contains(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (_plain.Contains(path[..slash]))
            {
                return true;
            }
        }

        foreach (var wildcard in _wildcards)
        {
            if (wildcard.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex? Compile(string source, Dictionary<string, Regex?> compiled)
    {
        if (compiled.TryGetValue(source, out var known))
        {
            return known;
        }

        if (compiled.Count >= MaxWildcardSources)
        {
            return null;
        }

        var pattern = new StringBuilder("^");
        foreach (var c in source)
        {
            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' or ']' => c.ToString(),
                _ => Regex.Escape(c.ToString()),
            });
        }

        Regex? regex;
        try
        {
            regex = new Regex(pattern.Append("(/.*)?$").ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException)
        {
            regex = null;
        }

        compiled[source] = regex;
        return regex;
    }
}
