namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// Stacks layers the way overlayfs does: whiteouts and opaque directories of a layer apply to the layers below it,
/// then its entries are written. Tracks every path's history, the bytes of copies that stop being visible (waste,
/// charged to the layer that wrote the copy) and, for comparability, dive's per-path efficiency sums.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly bool _trackFindings;
    private readonly ImageAnalysisOptions _options;
    private readonly Dictionary<(string PatternId, int Layer), FindingAccumulator> _findings = [];
    private TreeNode[] _nodes = new TreeNode[1024];
    private HistoryRecord[] _history = new HistoryRecord[1024];
    private long[]? _diveTotal;
    private long[]? _diveMinimum;
    private int[]? _diveCount;
    private int _historyCount;
    private readonly Stack<int> _work = new();
    private readonly Stack<string> _missing = new();

    public TreeBuilder(ImageAnalysisOptions options, bool trackFindings)
    {
        _options = options;
        _trackFindings = trackFindings;
        if (trackFindings)
        {
            _diveTotal = new long[_nodes.Length];
            _diveMinimum = new long[_nodes.Length];
            _diveCount = new int[_nodes.Length];
        }

        _nodes[0] = new TreeNode { Path = "/", Parent = -1, LayerIndex = -1, Kind = LayerEntryKind.Directory, Present = true, HistoryHead = -1, HistoryTail = -1 };
        _index["/"] = 0;
        NodeCount = 1;
    }

    public int NodeCount { get; private set; }

    public List<LayerStats> Stats { get; } = [];

    public TreeNode[] Nodes => _nodes;

    public HistoryRecord[] History => _history;

    public Dictionary<string, int> Index => _index;

    public void AddLayer(LayerAnalysis layer)
    {
        var layerIndex = Stats.Count;
        Stats.Add(new LayerStats());

        foreach (var entry in layer.Entries)
        {
            if (entry.Kind == LayerEntryKind.Whiteout)
            {
                Whiteout(entry.Path, layerIndex);
            }
            else if (entry.Kind == LayerEntryKind.OpaqueDirectory && _index.TryGetValue(entry.Path, out var id)
                && _nodes[id].Present && _nodes[id].Kind == LayerEntryKind.Directory)
            {
                RemoveChildren(id, layerIndex);
            }
        }

        foreach (var entry in layer.Entries)
        {
            if (entry.Kind is not (LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory))
            {
                Write(entry, layerIndex);
            }
        }
    }

    public (double Efficiency, long WastedBytes) DiveScore()
    {
        if (_diveCount is null)
        {
            return (1, 0);
        }

        long minimum = 0, total = 0, wasted = 0;
        for (var id = 0; id < NodeCount; id++)
        {
            if (_diveCount[id] == 0)
            {
                continue;
            }

            minimum += _diveMinimum![id];
            total += _diveTotal![id];
            if (_diveCount[id] >= 2)
            {
                wasted += _diveTotal[id];
            }
        }

        return (total == 0 ? 1 : (double)minimum / total, wasted);
    }

    public List<WasteFinding> BuildFindings()
    {
        var toolchain = new Dictionary<int, FindingAccumulator>();
        for (var id = 1; id < NodeCount; id++)
        {
            ref var node = ref _nodes[id];
            if (!node.Present || node.Kind == LayerEntryKind.Directory)
            {
                continue;
            }

            if (WastePatterns.IsToolchain(node.Path))
            {
                if (!toolchain.TryGetValue(node.LayerIndex, out var accumulator))
                {
                    toolchain[node.LayerIndex] = accumulator = new FindingAccumulator();
                }

                accumulator.Add(node.Path, node.Size, _options.FindingExamplePaths);
            }
        }

        var findings = new List<WasteFinding>();
        foreach (var ((patternId, layer), accumulator) in _findings)
        {
            if (accumulator.Bytes > 0 || patternId == WastePatternIds.PythonBytecode)
            {
                findings.Add(accumulator.ToFinding(patternId, layer));
            }
        }

        foreach (var (layer, accumulator) in toolchain)
        {
            findings.Add(accumulator.ToFinding(WastePatternIds.BuildToolchain, layer));
        }

        for (var id = 1; id < NodeCount; id++)
        {
            ref var node = ref _nodes[id];
            if (node.Present && node.Kind == LayerEntryKind.File && node.Size >= _options.LargeFileThresholdBytes)
            {
                findings.Add(new WasteFinding(
                    WastePatternIds.LargeFile,
                    WastePatterns.Describe(WastePatternIds.LargeFile, node.Size, node.LayerIndex),
                    node.Size,
                    node.LayerIndex,
                    [node.Path]));
            }
        }

        findings.Sort(static (a, b) => b.Bytes != a.Bytes ? b.Bytes.CompareTo(a.Bytes) : a.LayerIndex.CompareTo(b.LayerIndex));
        return findings;
    }

    private void Whiteout(string path, int layerIndex)
    {
        if (!_index.TryGetValue(path, out var id) || !_nodes[id].Present)
        {
            return;
        }

        if (_diveCount is not null)
        {
            // dive charges a whiteout the size of the directory it removes, and nothing for a removed file.
            CountDive(id, _nodes[id].Kind == LayerEntryKind.Directory ? SubtreeSize(id) : 0);
        }

        Remove(id, layerIndex);
    }

    private void Write(in LayerEntry entry, int layerIndex)
    {
        var id = GetOrCreate(entry.Path, layerIndex);
        var stats = Stats[layerIndex];
        ref var node = ref _nodes[id];
        var change = PathChangeKind.Added;
        if (node.Present)
        {
            change = PathChangeKind.Modified;
            if (node.Kind == LayerEntryKind.Directory)
            {
                if (entry.Kind != LayerEntryKind.Directory)
                {
                    RemoveChildren(id, layerIndex);
                    node = ref _nodes[id];
                }
            }
            else
            {
                Stats[node.LayerIndex].WastedBytes += node.Size;
                if (_trackFindings && entry.Kind == LayerEntryKind.File && node.Kind == LayerEntryKind.File
                    && node.Size > 0 && node.Size == entry.SizeBytes && node.ModifiedUnixSeconds == entry.ModifiedUnixSeconds
                    && node.LayerIndex < layerIndex)
                {
                    Accumulate(WastePatternIds.ChmodCopy, layerIndex, entry.Path, node.Size);
                }
            }
        }

        node.Kind = entry.Kind;
        node.Size = entry.SizeBytes;
        node.ModifiedUnixSeconds = entry.ModifiedUnixSeconds;
        node.LinkTarget = entry.LinkTarget;
        node.LayerIndex = layerIndex;
        node.Present = true;
        AppendHistory(id, layerIndex, change, entry.Kind, entry.SizeBytes);

        if (entry.Kind == LayerEntryKind.Directory)
        {
            return;
        }

        if (change == PathChangeKind.Added)
        {
            stats.AddedFiles++;
            stats.AddedBytes += entry.SizeBytes;
        }
        else
        {
            stats.ModifiedFiles++;
            stats.ModifiedBytes += entry.SizeBytes;
        }

        if (_diveCount is not null)
        {
            CountDive(id, entry.SizeBytes);
        }

        if (_trackFindings && WastePatterns.MatchWritten(entry.Path) is { } patternId)
        {
            Accumulate(patternId, layerIndex, entry.Path, entry.SizeBytes);
        }
    }

    private int GetOrCreate(string path, int layerIndex)
    {
        if (_index.TryGetValue(path, out var existing))
        {
            EnsureParentsPresent(_nodes[existing].Parent, layerIndex);
            return existing;
        }

        // Walk up to the nearest known ancestor, then create the missing ones top-down (no recursion: paths can be deep).
        var missing = _missing;
        missing.Clear();
        missing.Push(path);
        int parent;
        while (true)
        {
            var current = missing.Peek();
            var slash = current.LastIndexOf('/');
            var parentPath = slash <= 0 ? "/" : current[..slash];
            if (_index.TryGetValue(parentPath, out parent))
            {
                break;
            }

            missing.Push(parentPath);
        }

        var id = parent;
        while (missing.Count > 0)
        {
            id = CreateNode(missing.Pop(), parent, layerIndex);
            parent = id;
        }

        EnsureParentsPresent(_nodes[id].Parent, layerIndex);
        return id;
    }

    private int CreateNode(string path, int parent, int layerIndex)
    {
        var id = NodeCount++;
        if (id == _nodes.Length)
        {
            Grow();
        }

        _nodes[id] = new TreeNode
        {
            Path = path,
            Parent = parent,
            LayerIndex = layerIndex,
            Kind = LayerEntryKind.Directory,
            HistoryHead = -1,
            HistoryTail = -1,
        };
        (_nodes[parent].Children ??= []).Add(id);
        _index.Add(path, id);
        return id;
    }

    /// <summary>A path written under a missing or non-directory parent makes that parent a directory again (implicitly).</summary>
    private void EnsureParentsPresent(int parent, int layerIndex)
    {
        while (parent > 0 && !(_nodes[parent].Present && _nodes[parent].Kind == LayerEntryKind.Directory))
        {
            ref var node = ref _nodes[parent];
            if (node.Present)
            {
                Stats[node.LayerIndex].WastedBytes += node.Size;
            }

            var change = node.Present ? PathChangeKind.Modified : PathChangeKind.Added;
            node.Kind = LayerEntryKind.Directory;
            node.Size = 0;
            node.LinkTarget = null;
            node.LayerIndex = layerIndex;
            node.Present = true;
            AppendHistory(parent, layerIndex, change, LayerEntryKind.Directory, 0);
            parent = node.Parent;
        }
    }

    private void Remove(int id, int layerIndex)
    {
        RemoveChildren(id, layerIndex);
        MarkRemoved(id, layerIndex);
    }

    private void RemoveChildren(int id, int layerIndex)
    {
        // Explicit stack: a path can be thousands of directories deep.
        _work.Clear();
        PushPresentChildren(id);
        var removedInOrder = new List<int>();
        while (_work.Count > 0)
        {
            var child = _work.Pop();
            removedInOrder.Add(child);
            PushPresentChildren(child);
        }

        foreach (var child in removedInOrder)
        {
            MarkRemoved(child, layerIndex);
        }
    }

    private void PushPresentChildren(int id)
    {
        if (_nodes[id].Children is { } children)
        {
            foreach (var child in children)
            {
                if (_nodes[child].Present)
                {
                    _work.Push(child);
                }
            }
        }
    }

    private void MarkRemoved(int id, int layerIndex)
    {
        ref var node = ref _nodes[id];
        if (node.Kind != LayerEntryKind.Directory)
        {
            Stats[node.LayerIndex].WastedBytes += node.Size;
            var stats = Stats[layerIndex];
            stats.DeletedFiles++;
            stats.DeletedBytes += node.Size;
        }

        node.Present = false;
        AppendHistory(id, layerIndex, PathChangeKind.Deleted, node.Kind, node.Size);
    }

    private long SubtreeSize(int id)
    {
        long total = 0;
        _work.Clear();
        _work.Push(id);
        while (_work.Count > 0)
        {
            var current = _work.Pop();
            total += _nodes[current].Kind == LayerEntryKind.Directory ? 0 : _nodes[current].Size;
            PushPresentChildren(current);
        }

        return total;
    }

    private void AppendHistory(int id, int layerIndex, PathChangeKind change, LayerEntryKind kind, long size)
    {
        if (_historyCount == _history.Length)
        {
            Array.Resize(ref _history, _history.Length * 2);
        }

        var record = _historyCount++;
        _history[record] = new HistoryRecord { LayerIndex = layerIndex, Change = change, Kind = kind, Size = size, Next = -1 };
        ref var node = ref _nodes[id];
        if (node.HistoryTail >= 0)
        {
            _history[node.HistoryTail].Next = record;
        }
        else
        {
            node.HistoryHead = record;
        }

        node.HistoryTail = record;
    }

    private void CountDive(int id, long size)
    {
        if (_diveCount![id] == 0 || size < _diveMinimum![id])
        {
            _diveMinimum![id] = size;
        }

        _diveTotal![id] += size;
        _diveCount[id]++;
    }

    private void Accumulate(string patternId, int layerIndex, string path, long size)
    {
        if (!_findings.TryGetValue((patternId, layerIndex), out var accumulator))
        {
            _findings[(patternId, layerIndex)] = accumulator = new FindingAccumulator();
        }

        accumulator.Add(path, size, _options.FindingExamplePaths);
    }

    private void Grow()
    {
        Array.Resize(ref _nodes, _nodes.Length * 2);
        if (_diveCount is not null)
        {
            Array.Resize(ref _diveTotal, _nodes.Length);
            Array.Resize(ref _diveMinimum, _nodes.Length);
            Array.Resize(ref _diveCount, _nodes.Length);
        }
    }

    private sealed class FindingAccumulator
    {
        private readonly List<string> _examples = [];

        public long Bytes { get; private set; }

        public void Add(string path, long size, int maxExamples)
        {
            Bytes += size;
            if (_examples.Count < maxExamples)
            {
                _examples.Add(path);
            }
        }

        public WasteFinding ToFinding(string patternId, int layerIndex) =>
            new(patternId, WastePatterns.Describe(patternId, Bytes, layerIndex), Bytes, layerIndex, _examples);
    }
}
