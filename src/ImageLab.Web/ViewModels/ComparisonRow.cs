using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.ViewModels;

/// <summary>One iteration in the comparison: its size against the baseline and what its layers are made of.</summary>
public sealed record ComparisonRow(
    IterationDetails Iteration,
    bool IsBaseline,
    long? SizeBytes,
    double? ReductionPercent,
    string SizeText,
    string? ReductionText,
    string? SavingText,
    double BarPercent,
    int LayerCount,
    int HistoryCount,
    long OwnBytes,
    long BaseBytes,
    LayerDetails? LargestOwnLayer,
    IReadOnlyList<LayerSegment> Segments)
{
    /// <summary>"1.17 GB → 329 MB (72% smaller)", or the baseline's size.</summary>
    public string Headline => IsBaseline || ReductionText is null
        ? Reduction.Describe(null, SizeBytes, IsBaseline)
        : ReductionText;
}
