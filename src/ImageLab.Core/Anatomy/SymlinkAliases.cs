using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// Other spellings of a path through the image's symbolic links, for package lists that name a file through a linked
/// folder. Debian 12's merged /usr is the common case: <c>/bin</c>, <c>/sbin</c>, <c>/lib</c> and <c>/lib64</c> link
/// into <c>/usr</c>, the layer tar holds <c>/usr/bin/fuser</c>, and psmisc's list says <c>/bin/fuser</c> (libc6's
/// says <c>/lib/x86_64-linux-gnu/…</c>).
/// </summary>
internal sealed class SymlinkAliases
{
    // Resolved absolute target → the links that point at it ("/usr/bin" → ["/bin"]).
    private readonly Dictionary<string, List<string>> linksByTarget = new(StringComparer.Ordinal);

    /// <summary>Records the symbolic links a layer writes (call before looking up the layer's files).</summary>
    public void Apply(IReadOnlyList<LayerEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Kind == LayerEntryKind.Symlink && entry.LinkTarget is { Length: > 0 } target && AnatomyPath.Resolve(entry.Path[..entry.Path.LastIndexOf('/')], target) is { } resolved)
            {
                if (!linksByTarget.TryGetValue(resolved, out var links))
                {
                    linksByTarget[resolved] = links = [];
                }
                if (!links.Contains(entry.Path))
                {
                    links.Add(entry.Path);
                }
            }
        }
    }

    /// <summary>The owner of <paramref name="path"/> under its own name, else under a name through a linked ancestor folder.</summary>
    public PackageKey? OwnerOf(string path, PackageOwnership ownership)
    {
        if (ownership.OwnerOf(path) is { } owner)
        {
            return owner;
        }
        if (linksByTarget.Count == 0)
        {
            return null;
        }
        var lookup = linksByTarget.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (lookup.TryGetValue(path.AsSpan(0, slash), out var links))
            {
                foreach (var link in links)
                {
                    if (ownership.OwnerOf(string.Concat(link, path.AsSpan(slash))) is { } aliased)
                    {
                        return aliased;
                    }
                }
            }
        }
        return null;
    }
}
