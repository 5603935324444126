using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// The numbers of the comparison view: one row per iteration with its reduction against the first
/// (the baseline), bars and layer stacks on one shared scale so that widths compare across iterations.
/// </summary>
public sealed class ComparisonModel
{
    private ComparisonModel(IReadOnlyList<ComparisonRow> rows, long scaleBytes)
    {
        Rows = rows;
        ScaleBytes = scaleBytes;
    }

    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The largest measured size: 100% on every bar.</summary>
    public long ScaleBytes { get; }

    public IEnumerable<ComparisonRow> Measured => Rows.Where(r => r.SizeBytes is not null);

    public ComparisonRow? Baseline => Rows.FirstOrDefault(r => r.IsBaseline);

    /// <summary>The smallest measured iteration after the baseline.</summary>
    public ComparisonRow? Best => Measured.Where(r => !r.IsBaseline).MinBy(r => r.SizeBytes);

    /// <summary>One sentence for people who only read one: which iteration is best and by how much.</summary>
    public string Summary
    {
        get
        {
            var baseline = Baseline;
            var best = Best;
            if (baseline?.SizeBytes is null)
            {
                return Measured.Any()
                    ? "The baseline has no size, so reductions cannot be computed."
                    : "No iteration has been measured yet: sizes appear here as builds finish.";
            }

            if (best is null)
            {
                return $"The baseline {baseline.Iteration.Name} is {ByteSize.Format(baseline.SizeBytes)}; the other iterations have no size yet.";
            }

            return best.SizeBytes < baseline.SizeBytes
                ? $"{best.Iteration.Name} is the smallest: {best.ReductionText}, {best.SavingText} against {baseline.Iteration.Name}."
                : $"No iteration is smaller than the baseline {baseline.Iteration.Name} ({ByteSize.Format(baseline.SizeBytes)}).";
        }
    }

    public static ComparisonModel From(IReadOnlyList<IterationDetails> iterations)
    {
        ArgumentNullException.ThrowIfNull(iterations);
        var ordered = iterations.OrderBy(i => i.Ordinal).ToList();
        var baselineBytes = ordered.FirstOrDefault()?.SizeBytes;
        var scale = ordered.Select(i => i.SizeBytes ?? 0).DefaultIfEmpty(0).Max();
        var rows = ordered.Select((iteration, index) => Row(iteration, index == 0, baselineBytes, scale)).ToList();
        return new ComparisonModel(rows, scale);
    }

    private static ComparisonRow Row(IterationDetails iteration, bool isBaseline, long? baselineBytes, long scale)
    {
        var size = iteration.SizeBytes;
        var percent = isBaseline ? null : StatusRules.ReductionPercent(baselineBytes, size);
        return new ComparisonRow(
            iteration,
            isBaseline,
            size,
            percent,
            ByteSize.Format(size),
            isBaseline || percent is null ? null : Reduction.Describe(baselineBytes, size),
            isBaseline ? null : Reduction.Saving(baselineBytes, size),
            size is { } s && scale > 0 ? s * 100.0 / scale : 0,
            iteration.Layers.Count(l => !l.EmptyLayer && l.SizeBytes > 0),
            iteration.Layers.Count,
            LayerStack.OwnBytes(iteration),
            LayerStack.BaseBytes(iteration),
            LayerStack.LargestOwnLayer(iteration),
            size is null ? [] : LayerStack.Build(iteration, scale));
    }
}
