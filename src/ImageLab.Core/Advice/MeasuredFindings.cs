using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Dockerfiles.Rules;
using ImageLab.Core.Experiments;
using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Advice;

/// <summary>
/// The advisor's findings for a built iteration, each tied to what it costs: <see cref="Finding.BytesAtStake"/> is
/// the layer analysis's measured bytes of the pattern the rule is about (pip cache, apt lists, toolchain...) in the
/// layers the instruction produced, else the size of those layers (the base image's layers for the FROM the image
/// starts from). A sentence saying so ("Measured: pip cache: 148 MB in layer 4.") is appended to the message.
/// Findings on builder stages, which leave no layer in the image, and on rules that are not about bytes (IL000
/// parse errors, IL010 unpinned tags) stay as they are.
/// </summary>
public static class MeasuredFindings
{
    private static readonly DockerfileAdvisor Advisor = new();

    private static readonly HashSet<string> NotAboutBytes = new(StringComparer.Ordinal) { "IL000", "IL010" };

    /// <summary>Parses and advises <paramref name="dockerfile"/>, then measures every finding against <paramref name="layers"/>.</summary>
    public static DockerfileAnalysis Analyze(
        string dockerfile, IReadOnlyList<LayerDetails> layers, IReadOnlyList<LayerWaste>? waste = null, DockerfileAdvisorOptions? options = null)
    {
        var analysis = Advisor.Analyze(dockerfile ?? "", options);
        return analysis with { Findings = Measure(analysis.Document, analysis.Findings, layers, waste, options?.Target) };
    }

    /// <summary>Measures findings already made for <paramref name="document"/> against the image's layers.</summary>
    public static IReadOnlyList<Finding> Measure(
        DockerfileDocument document, IReadOnlyList<Finding> findings, IReadOnlyList<LayerDetails> layers,
        IReadOnlyList<LayerWaste>? waste = null, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var map = new InstructionLayers(document, layers, target);
        if (!map.IsMeasured)
        {
            return findings;
        }

        var context = new DockerfileRuleContext(document, new DockerfileAdvisorOptions { Target = target });
        return findings.Select(f => Measure(f, map, context, waste ?? [])).ToList();
    }

    private static Finding Measure(Finding finding, InstructionLayers map, DockerfileRuleContext context, IReadOnlyList<LayerWaste> waste)
    {
        if (NotAboutBytes.Contains(finding.RuleId) || map.InstructionAt(finding.Line) is not { } instruction)
        {
            return finding;
        }

        // IL006 sits on the RUN that removes a cache; the bytes stay in the layer of the RUN that made it.
        var source = finding.RuleId == "IL006" ? FindCacheCreator(context, instruction) ?? instruction : instruction;
        var layers = map.LayersOf(source);
        if (layers.Count == 0)
        {
            return finding;
        }

        var indexes = layers.Select(l => l.Index).ToHashSet();
        var patterns = WasteLabels.PatternsFor(finding.RuleId);
        var measured = waste.Where(w => w.Bytes > 0 && indexes.Contains(w.LayerIndex) && patterns.Contains(w.PatternId)).ToList();
        if (measured.Count > 0)
        {
            var parts = measured
                .GroupBy(w => w.PatternId)
                .Select(g => $"{WasteLabels.Label(g.Key)}: {ByteFormatter.Format(g.Sum(w => w.Bytes))} in {LayerList(g.Select(w => w.LayerIndex))}");
            return finding with
            {
                Message = $"{finding.Message} Measured: {string.Join("; ", parts)}.",
                BytesAtStake = measured.Sum(w => w.Bytes),
            };
        }

        var size = layers.Sum(l => l.SizeBytes);
        var what = source.Keyword == "FROM"
            ? $"the base image's {InstructionLayers.Describe(layers)} hold {ByteFormatter.Format(size)}"
            : $"line {source.StartLine} produced {InstructionLayers.Describe(layers)}, {ByteFormatter.Format(size)}";
        return finding with { Message = $"{finding.Message} Measured: {what}.", BytesAtStake = size };
    }

    private static string LayerList(IEnumerable<int> indexes)
    {
        var distinct = indexes.Distinct().Order().ToList();
        return (distinct.Count == 1 ? "layer " : "layers ") + string.Join(", ", distinct);
    }

    /// <summary>The last earlier RUN, in the remover's stage or the stages it is based on, that leaves a cache the remover cleans.</summary>
    private static DockerfileInstruction? FindCacheCreator(DockerfileRuleContext context, DockerfileInstruction remover)
    {
        var kinds = PackageCaches.All.Where(k => k.IsCleanedIn(context, remover)).ToList();
        var stages = new HashSet<int>();
        var index = remover.StageIndex;
        while (index >= 0 && stages.Add(index))
        {
            index = context.Document.Stages[index].BaseStageIndex ?? -1;
        }

        return context.Document.Instructions
            .Where(i => i.Keyword == "RUN" && i.StartLine < remover.StartLine && stages.Contains(i.StageIndex))
            .LastOrDefault(i => kinds.Any(k => k.FindCreator(context, i) is not null));
    }
}
