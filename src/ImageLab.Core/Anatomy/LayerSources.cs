using System.Text.RegularExpressions;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Layers;

namespace ImageLab.Core.Anatomy;

/// <summary>
/// What made each layer of an analysed image, for <see cref="SizeBlamer"/>: the base image's layers are one step
/// ("base image"), an own layer is matched across images by its instruction (<see cref="CreatedByText"/>) with the
/// classic builder's content digests removed and whitespace collapsed, and is labelled by its Dockerfile line when
/// the build matched one ("line 14 `COPY . .`"), else by its layer number ("layer 7 `RUN make`").
/// </summary>
public static partial class LayerSources
{
    private const int MaxCodeChars = 80;

    public static IReadOnlyList<LayerSource> Of(ImageAnalysis analysis) => Of(analysis, LayerLines.None);

    public static IReadOnlyList<LayerSource> Of(ImageAnalysis analysis, LayerLines lines)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(lines);
        var dockerfile = lines.LineByLayer.Count == 0 ? null : DockerfileParser.Parse(lines.DockerfileText);
        return [.. analysis.Layers.Select(layer => layer.IsBaseLayer
            ? new LayerSource(LayerSource.BaseImageKey, "base image")
            : Own(layer, lines.LineByLayer.TryGetValue(layer.Index, out var line) ? InstructionAt(dockerfile, line) : null))];
    }

    private static LayerSource Own(LayerSummary layer, DockerfileInstruction? instruction)
    {
        var createdBy = Whitespace().Replace(CreatedByText.Instruction(layer.CreatedBy), " ").Trim();
        if (instruction is not null)
        {
            var code = Shown(instruction.Text);
            return new LayerSource(createdBy.Length == 0 ? $"line {instruction.StartLine}" : StepKey(createdBy), $"line {instruction.StartLine} `{code}`", code);
        }
        if (createdBy.Length == 0)
        {
            return new LayerSource($"layer {layer.Index}", $"layer {layer.Index + 1}");
        }
        var shown = Shown(createdBy);
        return new LayerSource(StepKey(createdBy), $"layer {layer.Index + 1} `{shown}`", shown);
    }

    private static DockerfileInstruction? InstructionAt(DockerfileDocument? dockerfile, int line) =>
        dockerfile?.Instructions.FirstOrDefault(instruction => instruction.StartLine <= line && line <= instruction.EndLine);

    // One line of code, continuations joined, cut to a length a sentence can hold.
    private static string Shown(string code)
    {
        var oneLine = Whitespace().Replace(Continuation().Replace(code, " "), " ").Trim().Replace('`', '\'');
        return oneLine.Length <= MaxCodeChars ? oneLine : oneLine[..(MaxCodeChars - 1)] + "…";
    }

    /// <summary>What matches the same step across two images: the instruction, whitespace collapsed, without the content digests.</summary>
    public static string StepKey(string instruction) => ContentDigest().Replace(Whitespace().Replace(instruction, " ").Trim(), "$1:…");

    // The classic builder names what COPY and ADD brought by its digest ("COPY dir:0da9…e0 in /"): the same step with
    // other content is still the same step.
    [GeneratedRegex(@"\b(dir|file|multi):[0-9a-f]{64}\b")]
    private static partial Regex ContentDigest();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();
}
