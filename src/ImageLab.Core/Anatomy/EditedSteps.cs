namespace ImageLab.Core.Anatomy;

/// <summary>
/// Which steps of two images are one Dockerfile step whose text was edited, so that size blame reports one changed
/// step instead of a removed one and an added one. The rule: a step only in the older image and a step only in the
/// newer one are the same step edited when they have the same instruction keyword and sit after the same number of
/// unchanged steps (steps in both images); within such a gap they pair in order. The base image is never edited.
/// </summary>
public static class EditedSteps
{
    /// <summary>The pairs of (older step key, newer step key), in the older image's order.</summary>
    public static IReadOnlyList<(string Before, string After)> Match(IReadOnlyList<LayerSource> before, IReadOnlyList<LayerSource> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeSteps = Steps(before);
        var afterSteps = Steps(after);
        var shared = beforeSteps.Select(step => step.Key).Intersect(afterSteps.Select(step => step.Key), StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
        var afterGaps = Gaps(afterSteps, shared).ToLookup(step => step.Gap);
        var pairs = new List<(string, string)>();
        foreach (var gap in Gaps(beforeSteps, shared).GroupBy(step => step.Gap))
        {
            var candidates = afterGaps[gap.Key].ToList();
            var next = 0;
            foreach (var old in gap)
            {
                var match = candidates.FindIndex(next, step => step.Source.Keyword == old.Source.Keyword);
                if (match >= 0)
                {
                    pairs.Add((old.Source.Key, candidates[match].Source.Key));
                    next = match + 1;
                }
            }
        }
        return pairs;
    }

    // The image's own steps in order, each once (a step whose instruction appears twice is one step for the blame too).
    private static List<LayerSource> Steps(IReadOnlyList<LayerSource> layers) =>
        [.. layers.Where(layer => layer.Keyword is not null).DistinctBy(layer => layer.Key, StringComparer.Ordinal)];

    // The steps only in this image, each with how many unchanged steps come before it.
    private static IEnumerable<(int Gap, LayerSource Source)> Gaps(List<LayerSource> steps, HashSet<string> shared)
    {
        var gap = 0;
        foreach (var step in steps)
        {
            if (shared.Contains(step.Key))
            {
                gap++;
            }
            else
            {
                yield return (gap, step);
            }
        }
    }
}
