using System.Text.RegularExpressions;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// What made each layer of an analysed image, for <see cref="SizeBlamer"/>: a base image's layer is matched by its
/// DiffID (the same base is the same bytes), an own layer by its instruction (<see cref="CreatedByText"/>) with the
/// classic builder's content digests removed and whitespace collapsed.
/// </summary>
public static partial class LayerSources
{
    private const int MaxLabelChars = 80;

    public static IReadOnlyList<LayerSource> Of(ImageAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return [.. analysis.Layers.Select(layer => layer.IsBaseLayer
            ? new LayerSource("base " + layer.Layer.DiffId, $"base image layer {layer.Index + 1}")
            : Own(layer))];
    }

    private static LayerSource Own(LayerSummary layer)
    {
        var instruction = Whitespace().Replace(CreatedByText.Instruction(layer.CreatedBy), " ");
        if (instruction.Length == 0)
        {
            return new LayerSource($"layer {layer.Index}", $"layer {layer.Index + 1}");
        }
        var shown = instruction.Length <= MaxLabelChars ? instruction : instruction[..(MaxLabelChars - 1)] + "…";
        return new LayerSource(StepKey(instruction), $"layer {layer.Index + 1} `{shown}`");
    }

    /// <summary>What matches the same step across two images: the instruction, whitespace collapsed, without the content digests.</summary>
    public static string StepKey(string instruction) => ContentDigest().Replace(Whitespace().Replace(instruction, " ").Trim(), "$1:…");

    // The classic builder names what COPY and ADD brought by its digest ("COPY dir:0da9…e0 in /"): the same step with
    // other content is still the same step.
    [GeneratedRegex(@"\b(dir|file|multi):[0-9a-f]{64}\b")]
    private static partial Regex ContentDigest();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
