using System.Text.RegularExpressions;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// What made each layer of an analysed image, for <see cref="SizeBlamer"/>: a base image's layer is matched by its
/// DiffID (the same base is the same bytes), an own layer by its instruction as the engine recorded it, with the
/// shell prefix, build-argument preamble and the classic builder's content digests removed and whitespace collapsed.
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
        var instruction = Instruction(layer.CreatedBy);
        if (instruction.Length == 0)
        {
            return new LayerSource($"layer {layer.Index}", $"layer {layer.Index + 1}");
        }
        var shown = instruction.Length <= MaxLabelChars ? instruction : instruction[..(MaxLabelChars - 1)] + "…";
        return new LayerSource(StepKey(instruction), $"layer {layer.Index + 1} `{shown}`");
    }

    /// <summary>What matches the same step across two images: the instruction without the content digests.</summary>
    public static string StepKey(string instruction) => ContentDigest().Replace(instruction, "$1:…");

    /// <summary>"/bin/sh -c #(nop) COPY dir:… in /app" → "COPY dir:… in /app"; "|2 A=1 B=2 /bin/sh -c make" → "RUN make".</summary>
    public static string Instruction(string? createdBy)
    {
        if (string.IsNullOrWhiteSpace(createdBy))
        {
            return "";
        }
        var text = Whitespace().Replace(createdBy, " ").Trim();
        text = BuildArgumentPreamble().Replace(text, "");
        const string Nop = "/bin/sh -c #(nop) ";
        const string Shell = "/bin/sh -c ";
        if (text.StartsWith(Nop, StringComparison.Ordinal))
        {
            return text[Nop.Length..].Trim();
        }
        if (text.StartsWith(Shell, StringComparison.Ordinal))
        {
            return "RUN " + text[Shell.Length..].Trim();
        }
        return text.EndsWith(" # buildkit", StringComparison.Ordinal) ? text[..^" # buildkit".Length] : text;
    }

    // The classic builder names what COPY and ADD brought by its digest ("COPY dir:0da9…e0 in /"): the same step with
    // other content is still the same step.
    [GeneratedRegex(@"\b(dir|file|multi):[0-9a-f]{64}\b")]
    private static partial Regex ContentDigest();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // The classic builder records RUN's build arguments as "|N NAME=value ... " before the command.
    [GeneratedRegex(@"^\|\d+ (\S+=\S* )*")]
    private static partial Regex BuildArgumentPreamble();
}
