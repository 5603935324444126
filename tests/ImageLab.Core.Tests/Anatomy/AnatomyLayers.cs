using ImageLab.Core.Anatomy;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Tests.Anatomy;

/// <summary>Builds <see cref="AnatomyLayer"/>s for tests: files with sizes, whiteouts and package database texts.</summary>
internal sealed class AnatomyLayers
{
    private readonly List<LayerEntry> entries = [];
    private readonly Dictionary<string, string> databases = new(StringComparer.Ordinal);

    public AnatomyLayers File(string path, long bytes)
    {
        entries.Add(new LayerEntry(path, LayerEntryKind.File, bytes));
        return this;
    }

    public AnatomyLayers Symlink(string path, string target)
    {
        entries.Add(new LayerEntry(path, LayerEntryKind.Symlink, 0, target));
        return this;
    }

    public AnatomyLayers Whiteout(string path)
    {
        entries.Add(new LayerEntry(path, LayerEntryKind.Whiteout, 0));
        return this;
    }

    /// <summary>A package database file: stored as an entry (its own bytes count as unowned) and as content.</summary>
    public AnatomyLayers Database(string path, string content)
    {
        entries.Add(new LayerEntry(path, LayerEntryKind.File, System.Text.Encoding.UTF8.GetByteCount(content)));
        databases[path] = content;
        return this;
    }

    public AnatomyLayer Build() => new(entries.ToList(), new Dictionary<string, string>(databases, StringComparer.Ordinal));
}
