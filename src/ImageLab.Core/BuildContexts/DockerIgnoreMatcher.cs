using System.Globalization;
using System.Text;

namespace ImageLab.Core.BuildContexts;

/// <summary>
/// A <c>.dockerignore</c> with Docker's semantics (moby/patternmatcher and its ignore-file reader):
/// one pattern per line, <c>#</c> comment lines, blank lines skipped, patterns cleaned and a leading
/// <c>/</c> or <c>./</c> dropped; <c>*</c>, <c>?</c>, <c>[...]</c>, <c>**</c> across folders; a pattern
/// matching a folder excludes everything under it; <c>!</c> lines re-include, and the last matching
/// line wins. Paths are relative to the context root, with forward slashes.
/// </summary>
public sealed class DockerIgnoreMatcher
{
    private readonly DockerIgnorePattern[] _patterns;

    private DockerIgnoreMatcher(DockerIgnorePattern[] patterns) => _patterns = patterns;

    /// <summary>The most patterns a <c>.dockerignore</c> may have; real ones have a few dozen.</summary>
    public const int MaxPatterns = 1000;

    /// <summary>The longest pattern accepted, in characters (a path is at most 4096 on Linux).</summary>
    public const int MaxPatternLength = 4096;

    /// <summary>A matcher that excludes nothing.</summary>
    public static DockerIgnoreMatcher Empty { get; } = new([]);

    /// <summary>The patterns in effect, cleaned, exceptions with their leading <c>!</c>.</summary>
    public IReadOnlyList<string> Patterns => [.. _patterns.Select(p => p.IsException ? "!" + p.Text : p.Text)];

    /// <summary>Whether any line is a <c>!</c> exception.</summary>
    public bool HasExceptions => _patterns.Any(p => p.IsException);

    public static DockerIgnoreMatcher Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var patterns = new List<DockerIgnorePattern>();
        var first = true;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            if (first)
            {
                line = line.TrimStart('\uFEFF');
                first = false;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var exception = line[0] == '!';
            if (exception)
            {
                line = line[1..].Trim();
                if (line.Length == 0)
                {
                    throw new BuildContextException(".dockerignore has a line with only '!', which Docker refuses as an illegal exclusion pattern.");
                }
            }

            if (patterns.Count == MaxPatterns)
            {
                throw new BuildContextException(string.Create(CultureInfo.InvariantCulture, $".dockerignore has more than {MaxPatterns:N0} patterns; ImageLab accepts at most that many."));
            }

            if (line.Length > MaxPatternLength)
            {
                throw new BuildContextException(string.Create(
                    CultureInfo.InvariantCulture, $".dockerignore has a pattern of {line.Length:N0} characters; ImageLab accepts patterns of at most {MaxPatternLength:N0}."));
            }

            patterns.Add(new DockerIgnorePattern(Clean(line), exception));
        }

        return new DockerIgnoreMatcher([.. patterns]);
    }

    public static async Task<DockerIgnoreMatcher> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(await reader.ReadToEndAsync(cancellationToken));
    }

    /// <summary>
    /// Whether <paramref name="path"/> is left out of the context: the last pattern that matches the
    /// path or one of its parent folders decides.
    /// </summary>
    public bool IsExcluded(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = Clean(path);
        if (path.Length == 0 || path == ".")
        {
            return false;
        }

        var excluded = false;
        foreach (var pattern in _patterns)
        {
            // As in patternmatcher: an inclusion cannot change an excluded path and vice versa.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (MatchesSelfOrParent(pattern, path))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Whether an excluded folder must still be walked because an exception may re-include something
    /// under it (Docker's walker does the same prefix check before skipping a folder).
    /// </summary>
    public bool MayIncludeUnder(string directory)
    {
        var prefix = Clean(directory) + "/";
        return _patterns.Any(p => p.IsException && (p.Text + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    private static bool MatchesSelfOrParent(DockerIgnorePattern pattern, string path)
    {
        if (pattern.Matches(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.Matches(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Go's <c>filepath.Clean</c> for slash paths, then a leading <c>/</c> dropped.</summary>
    internal static string Clean(string path)
    {
        var rooted = path.StartsWith('/');
        var stack = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && stack.Count > 0 && stack[^1] != "..")
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else if (segment != ".." || !rooted)
            {
                stack.Add(segment);
            }
        }

        var cleaned = string.Join('/', stack);
        return cleaned.Length == 0 && !rooted ? "." : cleaned;
    }
}
