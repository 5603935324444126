namespace ImageLab.Core.Layers;

/// <summary>Compares two image analyses: layers aligned by DiffID, files only in A, only in B, and changed.</summary>
public static class ImageComparer
{
    public static ImageComparison Compare(ImageAnalysis a, ImageAnalysis b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var layers = AlignLayers(a, b);
        var onlyInA = new List<FileDifference>();
        var changed = new List<FileDifference>();
        foreach (var entry in a.Tree.EnumerateEntries())
        {
            if (entry.Kind == LayerEntryKind.Directory)
            {
                continue;
            }

            if (!b.Tree.TryGetFile(entry.Path, out var sizeB, out var kindB, out var layerB) || kindB == LayerEntryKind.Directory)
            {
                onlyInA.Add(new FileDifference(entry.Path, entry.SizeBytes, null, entry.LayerIndex, null));
            }
            else if (sizeB != entry.SizeBytes || kindB != entry.Kind)
            {
                changed.Add(new FileDifference(entry.Path, entry.SizeBytes, sizeB, entry.LayerIndex, layerB));
            }
        }

        var onlyInB = new List<FileDifference>();
        foreach (var entry in b.Tree.EnumerateEntries())
        {
            if (entry.Kind != LayerEntryKind.Directory
                && (!a.Tree.TryGetFile(entry.Path, out _, out var kindA, out _) || kindA == LayerEntryKind.Directory))
            {
                onlyInB.Add(new FileDifference(entry.Path, null, entry.SizeBytes, null, entry.LayerIndex));
            }
        }

        onlyInA.Sort(static (x, y) => (y.SizeInA ?? 0).CompareTo(x.SizeInA ?? 0));
        onlyInB.Sort(static (x, y) => (y.SizeInB ?? 0).CompareTo(x.SizeInB ?? 0));
        changed.Sort(static (x, y) => Math.Abs(y.DeltaBytes).CompareTo(Math.Abs(x.DeltaBytes)));

        return new ImageComparison
        {
            Layers = layers,
            OnlyInA = onlyInA,
            OnlyInB = onlyInB,
            Changed = changed,
            BytesOnlyInA = onlyInA.Sum(d => d.SizeInA ?? 0),
            BytesOnlyInB = onlyInB.Sum(d => d.SizeInB ?? 0),
            ChangedDeltaBytes = changed.Sum(d => d.DeltaBytes),
            SharedLayerBytes = layers.Where(l => l.IsShared).Sum(l => l.ContentBytes),
            TotalBytesA = a.ContentBytes,
            TotalBytesB = b.ContentBytes,
            CompressedBytesA = a.CompressedSizeBytes,
            CompressedBytesB = b.CompressedSizeBytes,
        };
    }

    private static List<LayerAlignment> AlignLayers(ImageAnalysis a, ImageAnalysis b)
    {
        var indexInB = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var layer in b.Layers)
        {
            indexInB.TryAdd(layer.DiffId, layer.Index);
        }

        var seenInA = new HashSet<string>(StringComparer.Ordinal);
        var alignment = new List<LayerAlignment>(a.Layers.Count + b.Layers.Count);
        foreach (var layer in a.Layers)
        {
            seenInA.Add(layer.DiffId);
            alignment.Add(new LayerAlignment(
                layer.DiffId,
                layer.Index,
                indexInB.TryGetValue(layer.DiffId, out var inB) ? inB : null,
                layer.ContentBytes,
                layer.CompressedSizeBytes));
        }

        foreach (var layer in b.Layers)
        {
            if (!seenInA.Contains(layer.DiffId))
            {
                alignment.Add(new LayerAlignment(layer.DiffId, null, layer.Index, layer.ContentBytes, layer.CompressedSizeBytes));
            }
        }

        return alignment;
    }
}
