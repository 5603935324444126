namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// Normalises tar entry names to absolute paths ("/usr/bin/env") and hands out one string per distinct path, so a
/// path written by ten layers is stored once. Not thread-safe: one per analysis.
/// </summary>
internal sealed class PathInterner
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PathInterner()
    {
        _lookup = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _paths.Count;

    public string Intern(ReadOnlySpan<char> path)
    {
        if (_lookup.TryGetValue(path, out var existing))
        {
            return existing;
        }

        var created = path.ToString();
        _paths.Add(created);
        return created;
    }

    public string Intern(string path) => _lookup.TryGetValue(path, out var existing) ? existing : AddNew(path);

    /// <summary>
    /// Normalises <paramref name="name"/>: leading "/" and "./" dropped, "." segments and empty segments removed.
    /// Returns false with a reason when the name climbs out of the root with "..". An empty result means the root.
    /// </summary>
    public static bool TryNormalize(string name, Span<char> destination, out int length, out string? reason)
    {
        reason = null;
        length = 0;
        var wasAbsolute = name.StartsWith('/');
        destination[length++] = '/';
        var remaining = name.AsSpan();
        while (!remaining.IsEmpty)
        {
            var slash = remaining.IndexOf('/');
            var segment = slash < 0 ? remaining : remaining[..slash];
            remaining = slash < 0 ? [] : remaining[(slash + 1)..];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                reason = $"The entry \"{name}\" climbs out of the layer root with \"..\"; it was ignored.";
                return false;
            }

            if (length > 1)
            {
                destination[length++] = '/';
            }

            segment.CopyTo(destination[length..]);
            length += segment.Length;
        }

        if (wasAbsolute && length > 1)
        {
            reason = $"The entry \"{name}\" has an absolute name; it was read as relative to the layer root.";
        }

        return true;
    }

    private string AddNew(string path)
    {
        _paths.Add(path);
        return path;
    }
}
