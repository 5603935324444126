using ImageLab.Core.Experiments;

namespace ImageLab.Worker.Analysis;

/// <summary>
/// Matches an image's layers (the order of <c>rootfs.diff_ids</c>) to its <c>docker history</c> rows. History rows
/// that wrote no layer (ENV, CMD...) are interleaved, and the engine reports a layer of only directories as size 0,
/// so size alone cannot tell them apart: rows are matched by their <c>created_by</c> (the config's history, which the
/// analyzer reads, carries the same text), else by non-zero size when the counts agree.
/// </summary>
internal static class HistoryMatcher
{
    /// <returns>For each layer, its history index, or null for all when no reliable match exists.</returns>
    public static IReadOnlyList<int?>? Match(IReadOnlyList<LayerDetails> history, int layerCount, IReadOnlyList<string?>? createdBy)
    {
        // An imported base has no created_by in its config; docker history shows it as empty.
        if (createdBy is { } texts && texts.Count == layerCount
            && InOrder(history, texts, (text, row) => string.Equals(row, text ?? "", StringComparison.Ordinal)) is { } matched)
        {
            return matched;
        }

        var sized = history.Where(h => !h.EmptyLayer).Select(h => (int?)h.Index).ToList();
        return sized.Count == layerCount ? sized : null;
    }

    /// <summary>
    /// Matches layers to rows by the texts each layer's DiffID was created by in earlier analyses (an image is analyzed
    /// from the cache without its config, whose history says which rows wrote a layer): in order, each layer takes the
    /// next row created by one of its known texts.
    /// </summary>
    /// <returns>For each layer, its history index, or null when a layer has no known text left in the history.</returns>
    public static IReadOnlyList<int?>? MatchKnown(
        IReadOnlyList<LayerDetails> history, IReadOnlyList<string> diffIds, IReadOnlyDictionary<string, IReadOnlySet<string>> knownCreatedBy) =>
        diffIds.All(knownCreatedBy.ContainsKey)
            ? InOrder(history, diffIds, (diffId, row) => knownCreatedBy[diffId].Contains(row))
            : null;

    // In order, each layer takes the next history row that fits it; null when a layer finds none.
    private static List<int?>? InOrder<T>(IReadOnlyList<LayerDetails> history, IEnumerable<T> layers, Func<T, string, bool> fits)
    {
        var matched = new List<int?>();
        var cursor = 0;
        foreach (var layer in layers)
        {
            while (cursor < history.Count && !fits(layer, history[cursor].CreatedBy))
            {
                cursor++;
            }

            if (cursor == history.Count)
            {
                return null;
            }

            matched.Add(cursor++);
        }

        return matched;
    }

    /// <summary>How many of the image's lowest layers come from the base image.</summary>
    public static int FirstOwnLayerIndex(IReadOnlyList<LayerDetails> history, IReadOnlyList<int?>? match)
    {
        if (match is not null)
        {
            return match.Count(i => i is { } index && history[index].FromBaseImage);
        }

        return history.Count(h => h.FromBaseImage && !h.EmptyLayer);
    }
}
