using ImageLab.Core.Layers;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>
/// The file tree browser's state without a browser: which layer's tree is shown, which directories are expanded,
/// the sort and the filter; <see cref="Rows"/> is what the browser draws. A directory lists at most
/// <see cref="PageSize"/> entries; a filter lists matching files of the whole tree instead, largest first.
/// </summary>
public sealed class FileTreeModel
{
    public const int PageSize = 200;

    private readonly ImageAnalysis _analysis;
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private FileTree _tree;

    public FileTreeModel(ImageAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        _analysis = analysis;
        LayerIndex = analysis.Layers.Count - 1;
        _tree = analysis.Tree;
        Refresh();
    }

    public int LayerIndex { get; private set; }

    public FileTreeSort SortBy { get; private set; } = FileTreeSort.Size;

    public string Filter { get; private set; } = "";

    public FileTree Tree => _tree;

    public IReadOnlyList<FileTreeRow> Rows { get; private set; } = [];

    /// <summary>Files matching the filter beyond the <see cref="PageSize"/> shown.</summary>
    public int HiddenMatches { get; private set; }

    public void ShowLayer(int layerIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(layerIndex, _analysis.Layers.Count);
        LayerIndex = layerIndex;
        _tree = _analysis.GetTreeAtLayer(layerIndex);
        Refresh();
    }

    public void Sort(FileTreeSort sortBy)
    {
        SortBy = sortBy;
        Refresh();
    }

    public void SetFilter(string? filter)
    {
        Filter = filter?.Trim() ?? "";
        Refresh();
    }

    public void Toggle(string path)
    {
        if (!_expanded.Remove(path))
        {
            _expanded.Add(path);
        }

        Refresh();
    }

    public bool IsExpanded(string path) => _expanded.Contains(path);

    private void Refresh()
    {
        var rows = new List<FileTreeRow>();
        HiddenMatches = 0;
        if (Filter.Length > 0)
        {
            var matches = _tree.EnumerateEntries()
                .Where(e => e.Kind != LayerEntryKind.Directory && e.Name.Contains(Filter, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(e => e.SizeBytes).ThenBy(e => e.Path, StringComparer.Ordinal)
                .ToList();
            HiddenMatches = Math.Max(0, matches.Count - PageSize);
            rows.AddRange(matches.Take(PageSize).Select(e => new FileTreeRow(e, 0, false, 0)));
        }
        else
        {
            AddChildren(rows, "/", 0);
        }

        Rows = rows;
    }

    private void AddChildren(List<FileTreeRow> rows, string path, int depth)
    {
        var listing = _tree.ListDirectory(path, new DirectoryListingQuery
        {
            SortBy = SortBy,
            Descending = SortBy == FileTreeSort.Size,
            Limit = PageSize,
        });
        if (listing is null)
        {
            return;
        }

        for (var i = 0; i < listing.Entries.Count; i++)
        {
            var entry = listing.Entries[i];
            var expanded = entry.Kind == LayerEntryKind.Directory && _expanded.Contains(entry.Path);
            var hidden = i == listing.Entries.Count - 1 ? listing.TotalCount - listing.Entries.Count : 0;
            rows.Add(new FileTreeRow(entry, depth, expanded, hidden));
            if (expanded)
            {
                AddChildren(rows, entry.Path, depth + 1);
            }
        }
    }
}
