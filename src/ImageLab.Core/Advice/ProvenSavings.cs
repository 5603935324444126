using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Advice;

/// <summary>
/// Which findings of an iteration a suggestion from it proved: a measured transformation answers the findings of the
/// rules its rewrite names (<c>apt-no-install-recommends</c> answers DL3015), so those findings carry its measured saving.
/// </summary>
public static class ProvenSavings
{
    private static readonly Dictionary<string, IReadOnlyList<string>> RulesByRewrite =
        DockerfileRewriter.CreateDefaultRewrites().ToDictionary(r => r.Id, r => r.RuleIds, StringComparer.Ordinal);

    /// <summary>
    /// The measured savings of the suggestions made from <paramref name="source"/>, by the rule id they answer; when
    /// several suggestions measured the same rule, the latest one's.
    /// </summary>
    public static IReadOnlyDictionary<string, ProvenSaving> ByRule(IterationDetails source, IEnumerable<IterationDetails> iterations)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(iterations);
        var proven = new Dictionary<string, ProvenSaving>(StringComparer.Ordinal);
        foreach (var suggestion in iterations.Where(i => i.SuggestedFrom == source.Id).OrderBy(i => i.Ordinal))
        {
            foreach (var transformation in suggestion.Transformations)
            {
                if (transformation is not { Status: TransformationStatus.Measured, SavedBytes: { } saved }
                    || !RulesByRewrite.TryGetValue(transformation.Id, out var rules))
                {
                    continue;
                }

                var saving = new ProvenSaving(transformation.Id, saved, rules, $"{suggestion.Ordinal}. {suggestion.Name}", suggestion.MeasuredOn, transformation.OnTopOf);
                foreach (var rule in rules)
                {
                    proven[rule] = saving;
                }
            }
        }

        return proven;
    }
}
