namespace ImageLab.Core.BuildContexts;

/// <summary>
/// The one rule for paths inside a build context: <see cref="Normalize"/> cleans and refuses those that leave it (what
/// is written), <see cref="Clean"/> only tidies names that are looked up (what the user typed or an archive lists).
/// </summary>
public static class ContextPath
{
    /// <summary>
    /// Cleans <paramref name="path"/> like Go's <c>filepath.Clean</c> relative to the context root:
    /// <c>./a//b/</c> becomes <c>a/b</c>, the root itself becomes an empty string. Throws when the path
    /// is absolute or climbs out of the context with <c>..</c>.
    /// </summary>
    public static string Normalize(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            throw new BuildContextException($"{what} '{path}' is an absolute path; paths in a build context must be relative to it.");
        }

        return Resolve([], path) ?? throw new BuildContextException($"{what} '{path}' points outside the build context.");
    }

    /// <summary>
    /// Tidies <paramref name="path"/> for looking it up in a context without refusing anything: backslashes become
    /// slashes, a leading <c>/</c> is dropped and the rest is cleaned as by <see cref="Normalize"/>
    /// (<c>/./app\main.py</c> becomes <c>app/main.py</c>); a path that climbs out is returned with only its slashes
    /// tidied, for <see cref="Normalize"/> to refuse where it is written.
    /// </summary>
    public static string Clean(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slashed = path.Replace('\\', '/').TrimStart('/');
        return Resolve([], slashed) ?? slashed;
    }

    /// <summary>Whether a link at <paramref name="linkPath"/> (already normalized) to <paramref name="target"/> stays inside.</summary>
    public static bool LinkStaysInside(string linkPath, string target)
    {
        if (target.Length == 0 || target.StartsWith('/'))
        {
            return false;
        }

        var segments = linkPath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return Resolve(segments, target) is not null;
    }

    private static string? Resolve(List<string> start, string path)
    {
        var stack = new List<string>(start);
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (stack.Count == 0)
                    {
                        return null;
                    }

                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                    stack.Add(segment);
                    break;
            }
        }

        return string.Join('/', stack);
    }
}
