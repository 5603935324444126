using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Layers;

/// <summary>
/// The merged file system of an image (or of its layers up to one index): every path with its size, kind and the
/// layer that last wrote it, plus each path's history, deleted paths included. Read-only and safe to share between
/// threads once built.
/// </summary>
public sealed class FileTree
{
    private readonly TreeNode[] _nodes;
    private readonly HistoryRecord[] _history;
    private readonly Dictionary<string, int> _index;
    private readonly long[] _recursiveSize;
    private readonly int[] _presentChildren;
    private readonly int _nodeCount;

    internal FileTree(TreeBuilder builder)
    {
        _nodes = builder.Nodes;
        _history = builder.History;
        _index = builder.Index;
        _nodeCount = builder.NodeCount;
        _recursiveSize = new long[_nodeCount];
        _presentChildren = new int[_nodeCount];

        // Children always have higher ids than their parents, so one backward pass sums every directory.
        for (var id = _nodeCount - 1; id > 0; id--)
        {
            ref readonly var node = ref _nodes[id];
            if (!node.Present)
            {
                continue;
            }

            if (node.Kind != LayerEntryKind.Directory)
            {
                _recursiveSize[id] += node.Size;
                FileCount++;
            }

            _recursiveSize[node.Parent] += _recursiveSize[id];
            _presentChildren[node.Parent]++;
            EntryCount++;
        }
    }

    /// <summary>Paths present in the tree, directories included, the root excluded.</summary>
    public int EntryCount { get; }

    /// <summary>Present paths that are not directories.</summary>
    public int FileCount { get; }

    public long TotalBytes => _recursiveSize.Length > 0 ? _recursiveSize[0] : 0;

    /// <summary>The entry at <paramref name="path"/> ("/usr/lib", "usr/lib/" and "/usr/lib/" are the same), or null if absent.</summary>
    public FileTreeEntry? Find(string path)
    {
        var id = Lookup(path);
        return id >= 0 && _nodes[id].Present ? ToEntry(id) : null;
    }

    /// <summary>One sorted, filtered page of a directory's entries, or null when the path is not a present directory.</summary>
    public DirectoryListing? ListDirectory(string path, DirectoryListingQuery? query = null)
    {
        query ??= DirectoryListingQuery.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        var id = Lookup(path);
        if (id < 0 || !_nodes[id].Present || _nodes[id].Kind != LayerEntryKind.Directory)
        {
            return null;
        }

        var children = new List<int>(_presentChildren[id]);
        if (_nodes[id].Children is { } all)
        {
            foreach (var child in all)
            {
                if (_nodes[child].Present && (query.NameContains is null
                    || NameOf(_nodes[child].Path).Contains(query.NameContains, StringComparison.OrdinalIgnoreCase)))
                {
                    children.Add(child);
                }
            }
        }

        Comparison<int> byName = (a, b) => NameOf(_nodes[a].Path).CompareTo(NameOf(_nodes[b].Path), StringComparison.Ordinal);
        Comparison<int> comparison = query.SortBy switch
        {
            FileTreeSort.Size => (a, b) => _recursiveSize[a] != _recursiveSize[b] ? _recursiveSize[a].CompareTo(_recursiveSize[b]) : byName(a, b),
            FileTreeSort.Layer => (a, b) => _nodes[a].LayerIndex != _nodes[b].LayerIndex ? _nodes[a].LayerIndex.CompareTo(_nodes[b].LayerIndex) : byName(a, b),
            _ => byName,
        };
        children.Sort(query.Descending ? (a, b) => comparison(b, a) : comparison);

        var page = new List<FileTreeEntry>(Math.Max(0, Math.Min(query.Limit, children.Count - query.Offset)));
        for (var i = query.Offset; i < children.Count && page.Count < query.Limit; i++)
        {
            page.Add(ToEntry(children[i]));
        }

        return new DirectoryListing(_nodes[id].Path, _recursiveSize[id], children.Count, query.Offset, page);
    }

    /// <summary>Everything each layer did to <paramref name="path"/>, lowest layer first; empty if no layer touched it.</summary>
    public IReadOnlyList<PathChange> GetHistory(string path)
    {
        var id = Lookup(path);
        if (id < 0)
        {
            return [];
        }

        var changes = new List<PathChange>();
        for (var record = _nodes[id].HistoryHead; record >= 0; record = _history[record].Next)
        {
            ref readonly var change = ref _history[record];
            changes.Add(new PathChange(change.LayerIndex, change.Change, change.Kind, change.Size));
        }

        return changes;
    }

    /// <summary>Every present path, parents before children (for persisting the tree or comparing images).</summary>
    public IEnumerable<FileTreeEntry> EnumerateEntries()
    {
        for (var id = 1; id < _nodeCount; id++)
        {
            if (_nodes[id].Present)
            {
                yield return ToEntry(id);
            }
        }
    }

    internal bool TryGetFile(string path, out long size, out LayerEntryKind kind, out int layerIndex)
    {
        if (_index.TryGetValue(path, out var id) && _nodes[id].Present)
        {
            size = _nodes[id].Size;
            kind = _nodes[id].Kind;
            layerIndex = _nodes[id].LayerIndex;
            return true;
        }

        size = 0;
        kind = default;
        layerIndex = -1;
        return false;
    }

    private int Lookup(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var buffer = path.Length + 2 <= 512 ? stackalloc char[512] : new char[path.Length + 2];
        if (!PathInterner.TryNormalize(path, buffer, out var length, out _))
        {
            return -1;
        }

        var lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(buffer[..length], out var id) ? id : -1;
    }

    private FileTreeEntry ToEntry(int id)
    {
        ref readonly var node = ref _nodes[id];
        return new FileTreeEntry(node.Path, NameOf(node.Path).ToString(), node.Kind, _recursiveSize[id], node.LayerIndex, _presentChildren[id], node.LinkTarget);
    }

    private static ReadOnlySpan<char> NameOf(string path) => path.AsSpan(path.LastIndexOf('/') + 1);
}
